#!/usr/bin/env python3
"""--jobs speed-up on 1,000 generated documents, and byte-identical output.

Generates 1,000 invented plain-text, Markdown and HTML articles (quotations,
figures, markers and notes, a few broken on purpose) in a temporary
directory, runs `citelint check --format json` over them with --jobs 1, 2, …
up to the number of cores, checks that every run printed the same bytes, and
prints the time, MB/s, speed-up and peak resident memory of each (best of R
runs, the job counts taking turns run by run).

  bench/jobs.py [--bin CITELINT] [--docs N] [--runs R]
"""
import argparse
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES = ["Mara Quint", "Tomas Ekwueme", "Odile Brandt", "Ines Varga", "Piet Osei", "Lena Froh"]
OUTLETS = ["Harbour Gazette", "Valley Courier", "Skerry Post", "Coast Review"]


def article(rng, n):
    paras, notes = [], []
    for k in range(1, rng.randint(6, 14) + 1):
        who = rng.choice(NAMES)
        figure = rng.randint(2, 90) * 100
        paras.append(f"The council counted {figure:,} passengers in the {k}th week, the {rng.choice(OUTLETS)} reported.{k} "
                     f"\u201cWe will keep every route open,\u201d {who} said, adding that the budget was "
                     f"\u201ca floor, not a ceiling.\u201d{k} Officials said the schedule would change in spring.")
        notes.append(f"{k}. {rng.choice(['Ferry budget', 'Route review', 'Crew rota'])} \u2014 "
                     f"{rng.choice(OUTLETS + NAMES)} reports \u201cWe will keep every route open.\u201d")
    if n % 7 == 0:
        paras.append("Talks resumed on Friday.99")  # a dangling marker
    return paras, notes


def write(directory, n, rng):
    paras, notes = article(rng, n)
    kind = n % 3
    if kind == 0:
        body = "Ferry budget\n" + "\n".join(paras) + "\nNotes\n" + "\n".join(notes) + "\n"
        name = f"doc{n:04}.txt"
    elif kind == 1:
        md = [p.replace(f".{k + 1} ", f".[^{k + 1}] ").replace(f"\u201d{k + 1} ", f"\u201d[^{k + 1}] ")
              for k, p in enumerate(paras)]
        defs = [f"[^{k + 1}]: {n_.split('. ', 1)[1]}" for k, n_ in enumerate(notes)]
        body = "# Ferry budget\n\n" + "\n\n".join(md) + "\n\n" + "\n".join(defs) + "\n"
        name = f"doc{n:04}.md"
    else:
        html = [f"<p>{p}</p>" for p in paras]
        items = [f"<li id=\"fn{k + 1}\">{n_.split('. ', 1)[1]}</li>" for k, n_ in enumerate(notes)]
        body = ("<!DOCTYPE html><html><head><title>Ferry</title></head><body><h1>Ferry budget</h1>\n" +
                "\n".join(html) + "\n<ol>" + "".join(items) + "</ol></body></html>\n")
        name = f"doc{n:04}.html"
    with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
        f.write(body)
    return len(body.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "release", "checker", "cli", "citelint"))
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="best of R runs per job count")
    args = parser.parse_args()
    rng = random.Random(1000)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        size = sum(write(tmp, n, rng) for n in range(args.docs))
        print(f"{args.docs} documents, {size / 1e6:.1f} MB; {cores} cores")
        digests = {}
        counts = sorted({1, 2, cores})
        best = {jobs: None for jobs in counts}
        peak = {jobs: 0.0 for jobs in counts}
        # Rounds interleave the job counts, so a slow spell of the machine
        # (shared cores, frequency) falls on all of them alike; best of R each.
        for _ in range(args.runs):
            for jobs in counts:
                start = time.perf_counter()
                with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
                    p = subprocess.Popen([args.bin, "check", "--format", "json", "--fail-on", "never", "--jobs",
                                          str(jobs), tmp], stdout=out, stderr=err)
                    _, status, usage = os.wait4(p.pid, 0)
                    p.returncode = os.waitstatus_to_exitcode(status)
                    elapsed = time.perf_counter() - start
                    out.seek(0)
                    err.seek(0)
                    stdout, stderr = out.read(), err.read()
                if p.returncode != 0:
                    sys.exit(f"citelint failed ({p.returncode}): {stderr.decode()[:500]}")
                digests.setdefault(hashlib.sha256(stdout).hexdigest(), []).append(jobs)
                best[jobs] = elapsed if best[jobs] is None else min(best[jobs], elapsed)
                peak[jobs] = max(peak[jobs], usage.ru_maxrss / 1024)  # KiB → MiB
        for jobs in counts:
            print(f"--jobs {jobs}: {best[jobs]:.2f} s, {size / 1e6 / best[jobs]:.2f} MB/s, "
                  f"speed-up {best[1] / best[jobs]:.2f}x, peak RSS {peak[jobs]:.0f} MB")
        if len(digests) != 1:
            sys.exit(f"output differs between job counts: {digests}")
        print("output byte-identical for every job count")


if __name__ == "__main__":
    main()
