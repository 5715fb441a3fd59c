#!/usr/bin/env python3
"""What citelint does when it writes to a terminal: colours with --color auto
(not with NO_COLOR, not into a pipe), and a progress line on stderr for long
runs, erased before the report. Uses a pseudo-terminal.

  tty_test.py CITELINT
"""
import os
import pty
import subprocess
import sys
import tempfile


def run(binary, args, tty_stdout, tty_stderr, env_extra=None):
    master, slave = pty.openpty()
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.update(env_extra or {})
    p = subprocess.Popen([binary] + args, stdout=slave if tty_stdout else subprocess.PIPE,
                         stderr=slave if tty_stderr else subprocess.PIPE, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    piped_out, piped_err = p.communicate()
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace"), (piped_out or b"").decode(), (piped_err or b"").decode()


def main():
    binary = os.path.abspath(sys.argv[1])
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(25):
            with open(os.path.join(tmp, f"d{n:02}.txt"), "w") as f:
                f.write(f"Rates rose {n} percent.1 Bonds fell.2\n\nNotes\n1. Central bank minutes\n")
        one = os.path.join(tmp, "d00.txt")
        tty, _, _ = run(binary, ["check", one], True, True)
        if "\x1b[1;31merror:" not in tty:
            failures.append(f"no colour on a terminal: {tty!r}")
        tty, _, _ = run(binary, ["check", one], True, True, {"NO_COLOR": "1"})
        if "\x1b[" in tty:
            failures.append(f"colour despite NO_COLOR: {tty!r}")
        tty, out, _ = run(binary, ["check", one], False, True)
        if "\x1b[" in out:
            failures.append(f"colour into a pipe: {out!r}")
        tty, out, _ = run(binary, ["check", "--jobs", "2", tmp], False, True)
        if "citelint: checked" not in tty or not tty.endswith("\r\x1b[K"):
            failures.append(f"no progress line (or not erased) on a terminal stderr: {tty!r}")
        if "citelint: checked" in out:
            failures.append("progress on stdout")
        _, _, err = run(binary, ["check", tmp], False, False)
        if "citelint: checked" in err:
            failures.append(f"progress into a pipe: {err!r}")
    for f in failures:
        print("FAIL", f)
    print(f"tty_test: {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
