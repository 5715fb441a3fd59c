#!/usr/bin/env python3
"""Linear to the size of the input: time and peak RSS per size for one long
line (minified HTML is one line), many notes (plain text, and HTML notes as
tex4ht writes them: named by an id inside), a large plain-text file and,
when ../shared is present, the Mueller report's real text and the corpus's
Wikipedia pages and Markdown documents repeated; the last column says
whether peak RSS is under 4x the input + 30 MB.

  bench/scaling.py [--bin CITELINT] [--base-mb N] [--factors 1,10,100] [--cases real-text,...]

Each case is generated at 1x, 2x, 4x and 8x (or the --factors given:
--factors 1,10,100 for the 10x and 100x steps); the ratio column is the
time per byte relative to the first size (1.0 is linear).
"""
import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def long_line(mb):
    # One line of HTML prose with a note reference every ~2 KB and the notes after it.
    unit = "<p>" + "The harbour council met again to review the ferry budget and its routes. " * 27
    parts, notes, k, size = [], [], 0, 0
    while size < mb * 1_000_000:
        k += 1
        parts.append(f"{unit}Officials said so.<sup><a href=\"#fn{k}\">{k}</a></sup></p>")
        size += len(parts[-1])
        notes.append(f"<li id=\"fn{k}\">Harbour Gazette, report {k}</li>")
    return "<html><body>" + "".join(parts) + "<ol>" + "".join(notes) + "</ol></body></html>", ".html"


def many_notes(mb):
    body, notes, k, size = [], [], 0, 0
    while size < mb * 1_000_000:
        k += 1
        body.append(f"The council counted {k} passengers.{k}")
        notes.append(f"{k}. Harbour Gazette, count {k}")
        size += len(body[-1]) + len(notes[-1])
    return " ".join(body) + "\n\nNotes\n" + "\n".join(notes) + "\n", ".txt"


def tex4ht_notes(mb):
    # HTML as tex4ht writes it: a note is a paragraph with no id of its own,
    # named by the id of the mark inside it (<a id="fn3x0">).
    body, notes, k, size = [], [], 0, 0
    while size < mb * 1_000_000:
        k += 1
        body.append(f"<p>The council counted {k} passengers.<span class=\"footnote-mark\"><a href=\"#fn{k}x0\" "
                    f"id=\"fn{k}x0-bk\"><sup>{k}</sup></a></span></p>\n")
        notes.append(f"<p class=\"indent\"><span class=\"footnote-mark\"><a href=\"#fn{k}x0-bk\" id=\"fn{k}x0\">"
                     f"<sup>{k}</sup></a></span><span>Harbour Gazette, count {k}.</span></p>\n")
        size += len(body[-1]) + len(notes[-1])
    return ("<html><body>" + "".join(body) + "<div class=\"footnotes\">" + "".join(notes) + "</div></body></html>",
            ".html")


def large_text(mb):
    para = ("The union voted on Sunday to end the strike, the Harbour Gazette reported.{k} "
            "\u201cWe kept our promise to the islands,\u201d Odile Brandt said.{k2}\n\n")
    out, k, size = [], 0, 0
    while size < mb * 1_000_000:
        k += 1
        out.append(para.format(k=2 * k - 1, k2=2 * k))
        size += len(out[-1])
    notes = "".join(f"{i}. Harbour Gazette, strike report {i}\n" for i in range(1, 2 * k + 1))
    return "".join(out) + "Notes\n" + notes, ".txt"


MUELLER = os.path.join(ROOT, "..", "shared", "corpora", "documents", "mueller-report", "derived-plaintext")


def real_text(mb):
    # The Mueller report's plain text (both volumes: real prose and about 2,400
    # real notes), repeated to the size; only when ../shared is present.
    with open(os.path.join(MUELLER, "mueller-report-vol-1.txt"), encoding="utf-8") as f:
        one = f.read()
    with open(os.path.join(MUELLER, "mueller-report-vol-2.txt"), encoding="utf-8") as f:
        one += f.read()
    copies = max(1, round(mb * 1_000_000 / len(one.encode())))
    return one * copies, ".txt"


WIKIPEDIA = os.path.join(ROOT, "..", "shared", "corpora", "documents", "wikipedia-html")
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "documents")


def real_html(mb):
    # Real HTML: the Wikipedia pages of the corpus (their markup, references
    # and notes) one after another, over again until the size; only when
    # ../shared is present.
    pages = []
    for name in sorted(os.listdir(WIKIPEDIA)):
        page = os.path.join(WIKIPEDIA, name, "source.html")
        if os.path.isfile(page):
            with open(page, encoding="utf-8") as f:
                pages.append(f.read())
    out, size = [], 0
    while size < mb * 1_000_000:
        out.append(pages[len(out) % len(pages)])
        size += len(out[-1].encode())
    return "".join(out), ".html"


def real_markdown(mb):
    # Real Markdown: the corpus's Markdown documents (RFCs, PEPs, posts) one
    # after another, over again until the size; only when ../shared is present.
    docs = []
    for folder, _, names in sorted(os.walk(CORPUS)):
        for name in sorted(names):
            if name.endswith(".md"):
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    docs.append(f.read() + "\n\n")
    out, size = [], 0
    while size < mb * 1_000_000:
        out.append(docs[len(out) % len(docs)])
        size += len(out[-1].encode())
    return "".join(out), ".md"


def measure(binary, path):
    # A child forked from this (large) Python counts Python's memory in its
    # peak RSS until it execs; GNU time forks citelint from a small process.
    # Without /usr/bin/time (Debian package `time`) the figure is an upper bound.
    gnu_time = shutil.which("time", path="/usr/bin")
    with tempfile.NamedTemporaryFile("r") as out:
        cmd = [binary, "check", "--format", "json", "--fail-on", "never", path]
        if gnu_time:
            cmd = [gnu_time, "-q", "-f", "%M", "-o", out.name] + cmd
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"citelint failed on {path}: {p.stderr.read().decode()[:300]}")
        rss_kb = int(out.read().split()[-1]) if gnu_time else usage.ru_maxrss
    return elapsed, rss_kb / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "release", "checker", "cli", "citelint"))
    parser.add_argument("--base-mb", type=float, default=1.0, help="the 1x size in MB")
    parser.add_argument("--factors", default="1,2,4,8",
                        help="the sizes, as multiples of the base (e.g. 1,10,100 for the 100x step)")
    parser.add_argument("--cases", default="",
                        help="only these cases, comma-separated (long-line, many-notes, tex4ht-notes, large-text, real-text, real-html, real-md)")
    args = parser.parse_args()
    factors = [float(f) for f in args.factors.split(",")]
    print(f"{'case':<12} {'size':>9} {'time':>8} {'MB/s':>7} {'peak RSS':>9} {'RSS/size':>9} {'time/byte vs 1x':>16}"
          f" {'4x+30MB':>8}")
    cases = [("long line", long_line), ("many notes", many_notes), ("tex4ht notes", tex4ht_notes),
             ("large text", large_text)]
    if os.path.isdir(MUELLER):
        cases.append(("real text", real_text))
    if os.path.isdir(WIKIPEDIA):
        cases.append(("real html", real_html))
    if os.path.isdir(CORPUS):
        cases.append(("real md", real_markdown))
    if args.cases:
        wanted = set(args.cases.split(","))
        cases = [c for c in cases if c[0].replace(" ", "-") in wanted]
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases:
            base = None
            for factor in factors:
                text, ext = make(args.base_mb * factor)
                path = os.path.join(tmp, f"{name.replace(' ', '-')}-{factor:g}{ext}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                # Freed before citelint starts: a forked child's peak RSS counts
                # the parent's memory until it execs.
                del text
                gc.collect()
                size = os.path.getsize(path)
                elapsed, rss = measure(args.bin, path)
                per_byte = elapsed / size
                base = base or per_byte
                bound = 4 * size / 2**20 + 30  # the ceiling issue 12 and 14 set: 4x the input + 30 MB
                print(f"{name:<12} {size / 1e6:>7.1f}MB {elapsed:>7.2f}s {size / 1e6 / elapsed:>7.2f} {rss:>7.0f}MB "
                      f"{rss / (size / 1e6):>8.1f}x {per_byte / base:>16.2f} {'under' if rss <= bound else 'OVER':>8}")
                os.remove(path)


if __name__ == "__main__":
    main()
