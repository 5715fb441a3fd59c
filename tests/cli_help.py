"""Reading citelint's CLI11 --help, for the tests that keep the man page and
the shell completions in step with it."""
import subprocess
import time


def run_help(binary, args):
    """The binary's --help text. Retries for a while if the binary is missing
    (being rebuilt)."""
    for attempt in range(30):
        try:
            r = subprocess.run([binary] + args + ["--help"], capture_output=True, text=True, timeout=60)
        except FileNotFoundError:
            if attempt == 29:
                raise
            time.sleep(1)
            continue
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(['citelint'] + args)} --help exited {r.returncode}: {r.stderr}")
        return r.stdout
    raise AssertionError("unreachable")


def help_section(text, title):
    """The lines of a `Title:` section of CLI11's help, up to the next blank
    line or section."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.rstrip() == title + ":":
            inside = True
            continue
        if inside:
            if not line.strip() or not line.startswith(" "):
                break
            lines.append(line)
    return lines
