#!/usr/bin/env python3
"""How often `quotes.unattributed` is wrong on news: each finding on a PolNeAR
article is checked against the hand-annotated attributions. A finding whose
quotation lies inside an annotated CONTENT span that has a SOURCE is wrong
(the article does credit someone with those words); one outside every such
span is right (PolNeAR's annotators credited no one with it).

  bench/polnear/unattributed.py POLNEAR_DIR [--split train|dev] [--bin CITELINT] [--show N]

Prints findings, right, wrong, precision and the articles the publish profile
would hold for this rule alone. Reads the data in place; copies nothing.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import parse_ann, line_starts  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("polnear")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build/release/checker/cli/citelint"))
    ap.add_argument("--show", type=int, default=0, help="print N wrong findings with their gold source")
    args = ap.parse_args()
    base = os.path.join(args.polnear, "data", args.split)
    text_dir, ann_dir = os.path.join(base, "text"), os.path.join(base, "attributions")
    r = subprocess.run([args.bin, "check", "--profile", "strict", "--select", "quotes.unattributed", "--format", "json",
                        "--fail-on", "never", text_dir], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"citelint failed ({r.returncode}): {r.stderr}")
    findings = json.loads(r.stdout)["diagnostics"]
    cache = {}
    right, wrong, shown = 0, [], 0
    held = set()
    for d in findings:
        path = d["path"]
        if path not in cache:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            name = os.path.splitext(os.path.basename(path))[0]
            ann = [a for a in os.listdir(ann_dir) if a.startswith(name)]
            spans, relations = parse_ann(os.path.join(ann_dir, ann[0])) if ann else ({}, [])
            attributed = []
            for rel in relations:
                sources = [spans[t] for t in rel.get("Source", []) if t in spans]
                if not sources:
                    continue
                source_text = " ".join(text[a:b] for _, ranges in sources for a, b in ranges)
                for t in rel.get("Content", []):
                    if t in spans:
                        attributed += [(a, b, source_text) for a, b in spans[t][1]]
            cache[path] = (text, line_starts(text), attributed)
        text, starts, attributed = cache[path]
        offset = starts[d["line"] - 1] + d["column"] - 1  # columns are code points, as Python's str
        inside = [s for a, b, s in attributed if a <= offset < b]
        if inside:
            wrong.append((d, inside[0]))
        else:
            right += 1
            held.add(path)
    n = len(findings)
    print(f"quotes.unattributed on PolNeAR {args.split}: {n} findings, {right} right, {len(wrong)} wrong "
          f"(the article credits a source), precision {100 * right / n if n else 0:.1f} %; "
          f"{len(set(d['path'] for d in findings))} articles flagged")
    for d, source in wrong[:args.show]:
        print(f"  {os.path.basename(d['path'])}:{d['line']}:{d['column']}  gold source: {source[:60]!r}")


if __name__ == "__main__":
    main()
