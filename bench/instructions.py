#!/usr/bin/env python3
"""Instructions per input byte: a speed measure that does not move with the machine.

Wall-clock timings on a shared two-core machine swing by a factor of two from
one hour to the next; the number of instructions a run executes does not.
This runs `citelint check --format json --jobs 1` under valgrind's callgrind
on the 1,000 generated documents of bench/jobs.py (3.4 MB) and, when
../shared is present, on the first megabyte of the Mueller report's plain
text, and prints the instructions executed, per input byte, for each.

  bench/instructions.py [--bin CITELINT] [--base OTHER_CITELINT]

With --base, the same inputs through a second binary (an earlier build) and
the change in per cent.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import jobs  # noqa: E402  (the generated documents)
import scaling  # noqa: E402  (the Mueller text)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def instructions(binary, target, tmp):
    out = os.path.join(tmp, "callgrind.out")
    p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, "check", "--format",
                        "json", "--fail-on", "never", "--jobs", "1", target],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"valgrind failed ({p.returncode}): {p.stderr[-500:]}")
    with open(out, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"(?:summary|totals): (\d+)", line)
            if m:
                os.remove(out)
                return int(m.group(1))
    sys.exit("no instruction count in the callgrind output")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "release", "checker", "cli", "citelint"))
    parser.add_argument("--base", help="a second citelint to compare with")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian package valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        drafts = os.path.join(tmp, "drafts")
        os.mkdir(drafts)
        rng = random.Random(1000)
        inputs = [("1,000 generated documents", drafts, sum(jobs.write(drafts, n, rng) for n in range(1000)))]
        if os.path.isdir(scaling.MUELLER):
            text, _ = scaling.real_text(1)
            first = text.encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
            path = os.path.join(tmp, "mueller-1mb.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(first)
            inputs.append(("Mueller plain text, first 1 MB", path, len(first.encode("utf-8"))))
        for name, target, size in inputs:
            n = instructions(args.bin, target, tmp)
            line = f"{name} ({size / 1e6:.1f} MB): {n / 1e6:,.0f} M instructions, {n / size:,.0f} a byte"
            if args.base:
                b = instructions(args.base, target, tmp)
                line += f"; base {b / 1e6:,.0f} M ({(n - b) / b * 100:+.1f} %)"
            print(line)


if __name__ == "__main__":
    main()
