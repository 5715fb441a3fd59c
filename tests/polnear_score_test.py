#!/usr/bin/env python3
"""Tests bench/polnear/score.py on an invented PolNeAR-shaped checkout.

The article, its annotations and its readings table are made up here (no
PolNeAR text); the expected figures are worked out by hand below.

  polnear_score_test.py SOURCE_DIR CITELINT
"""
import os
import subprocess
import sys
import tempfile

ARTICLE = ("Odile Brandt opened the meeting. \u201cWe kept our promise,\u201d she said.\n\n"
           "\u201cThe crews deserve better,\u201d said Tomas Ekwueme.\n\n"
           "\u201cIt is late,\u201d a spokeswoman said.\n\n"
           "Mara Quist spoke last. \u201cNothing changes,\u201d she said.\n")


def span(text, needle, nth=0):
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def main():
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    script = os.path.join(source, "bench", "polnear", "score.py")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for sub in ("text", "attributions"):
            os.makedirs(os.path.join(tmp, "data", "dev", sub))
        with open(os.path.join(tmp, "data", "dev", "text", "a.txt"), "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        # Four attributions: she (Odile Brandt), Tomas Ekwueme, a spokeswoman, she (Mara Quist).
        sources = [span(ARTICLE, "she", 0), span(ARTICLE, "Tomas Ekwueme"), span(ARTICLE, "a spokeswoman"),
                   span(ARTICLE, "she", 1)]
        contents = [span(ARTICLE, "\u201cWe kept our promise,\u201d"), span(ARTICLE, "\u201cThe crews deserve better,\u201d"),
                    span(ARTICLE, "\u201cIt is late,\u201d"), span(ARTICLE, "\u201cNothing changes,\u201d")]
        lines = []
        for n, ((sb, se), (cb, ce)) in enumerate(zip(sources, contents)):
            s, c = f"T{2 * n + 1}", f"T{2 * n + 2}"
            lines.append(f"{s}\tSource {sb} {se}\t{ARTICLE[sb:se]}")
            lines.append(f"{c}\tContent {cb} {ce}\t{ARTICLE[cb:ce]}")
            lines.append(f"E{n + 1}\tAttribution:T0 Content:{c} Source:{s}")
        with open(os.path.join(tmp, "data", "dev", "attributions", "a_x.ann"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        # The first "she" is read as Odile Brandt; the second is left to the
        # fallback, the nearest named source before it (Tomas Ekwueme), which
        # citelint (Mara Quist) does not match.
        readings = os.path.join(tmp, "readings.tsv")
        with open(readings, "w", encoding="utf-8") as f:
            brandt = span(ARTICLE, "Odile Brandt")
            f.write(f"# invented\na.txt\t{sources[0][0]}\t{brandt[0]}\t{brandt[1] - brandt[0]}\n")

        def run(*extra):
            return subprocess.run([sys.executable, script, tmp, "--bin", binary] + list(extra),
                                  capture_output=True, text=True)

        r = run("--split", "dev", "--pronouns", readings)
        if r.returncode != 0:
            failures.append(f"score.py failed: {r.stderr}")
        expected = [
            "PolNeAR dev: 1 articles, 4 gold direct quotations (0 not found as quotations)",
            "precision 75.0 %   recall 75.0 %   F1 75.0 %   no speaker 0.0 %",
            "  right 3, with a speaker 4, no speaker 0",
            # Without the reading the first "she" has no named source before
            # it and stays a pronoun, an unnamed gold speaker: Odile Brandt is wrong.
            "  with every pronoun resolved by CoreNLP coreference instead: precision 50.0 %, recall 50.0 %",
        ]
        for line in expected:
            if line not in r.stdout:
                failures.append(f"missing line: {line!r}\nin:\n{r.stdout}")
        r = run("--split", "test")
        if r.returncode == 0 or "reserved" not in r.stderr:
            failures.append(f"the test split was not refused: {r.returncode} {r.stderr}")
    for f in failures:
        print("FAIL", f)
    print(f"polnear_score_test: {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
