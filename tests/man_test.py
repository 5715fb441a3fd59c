#!/usr/bin/env python3
"""Keeps the man page, man/citelint.1, true to the program.

  man_test.py SOURCE_DIR CITELINT [MAN_PAGE_PATH]

Checks that the page renders without a groff warning (and with `man -l`, at
80 columns, when man is installed); that every flag `citelint --help` and
each subcommand's `--help` print is in the page, under that subcommand's
options; that every subcommand (read from the "Subcommands:" section of
`citelint --help`) has an entry under COMMANDS; that every `check --format`
choice has an entry under OUTPUT FORMATS; and that EXIT STATUS, ENVIRONMENT
(naming CITELINT_RULES_DIR and NO_COLOR) and FILES are there.

MAN_PAGE_PATH checks another copy of the page. Without it the test checks
SOURCE_DIR/man/citelint.1, after first showing that it fails on copies of
that page with one flag's entry and one command's entry removed.

Exit status: 0 pass, 1 fail, 77 skip (groff missing; a failure instead when
CITELINT_REQUIRE_TEST_TOOLS is set).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_help import help_section, run_help  # noqa: E402

SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "OUTPUT FORMATS", "EXIT STATUS",
            "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"]
ENVIRONMENT = ["CITELINT_RULES_DIR", "NO_COLOR"]
# groff renders hyphens and minus signs as these, depending on the device and
# the system's man.local.
HYPHENS = "\u2010\u2011\u2212"
FLAG = re.compile(r"^--?[A-Za-z0-9][A-Za-z0-9-]*$")
WIDTH = 80


def help_options(text):
    """[(flags, choices)] of an Options: section: flags like ['-j', '--jobs'],
    choices like ['text', 'json'] (empty when the option takes any value)."""
    out = []
    for line in help_section(text, "Options"):
        m = re.match(r"^\s+(-\S+)(.*)$", line)
        if not m:
            continue  # a wrapped description
        flags = m.group(1).split(",")
        bad = [f for f in flags if not FLAG.match(f)]
        if bad:
            raise RuntimeError(f"cannot parse the help line: {line!r}")
        choices = re.search(r"\{([^}]*)\}", m.group(2))
        out.append((flags, choices.group(1).split(",") if choices else []))
    return out


def subcommands(text):
    names = [line.split()[0] for line in help_section(text, "Subcommands")]
    if not names:
        raise RuntimeError("no Subcommands: section in citelint --help")
    return names


def plain(text):
    """Rendered text without overstrike, SGR escapes or typographic hyphens."""
    text = re.sub(r".\x08", "", text)
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    for h in HYPHENS:
        text = text.replace(h, "-")
    return text


def render(page):
    """(text, warnings): the page through groff -man -Tutf8, and what
    `groff -ww -z` says about it."""
    env = dict(os.environ, GROFF_NO_SGR="1")
    check = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page], capture_output=True, text=True, env=env)
    warnings = check.stderr.strip()
    if check.returncode != 0:
        warnings += f"\n(groff exited {check.returncode})"
    r = subprocess.run(["groff", "-man", "-Tutf8", page], capture_output=True, env=env)
    return plain(r.stdout.decode("utf-8", "replace")), warnings.strip()


def sections(text):
    """{heading: body} of the rendered page; headings start in column 0."""
    out, current = {}, None
    for line in text.splitlines():
        if line and not line[0].isspace():
            current = line.strip()
            out.setdefault(current, [])
        elif current is not None:
            out[current].append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def subsections(body):
    """{heading: body} of a section's .SS subsections (indented 3 spaces)."""
    out, current = {}, None
    for line in body.splitlines():
        if re.match(r"^ {3}\S", line):
            current = line.strip()
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def searchable(text):
    """Text with lines broken after a hyphen joined again, so a flag split
    over two lines still reads whole."""
    return re.sub(r"-\n\s+", "-", text)


def has_flag(text, flag):
    return re.search(r"(?<![\w-])" + re.escape(flag) + r"(?![\w-])", searchable(text)) is not None


def has_tag(body, word):
    """Whether an entry (a .TP tag, indented 7 spaces) starts with `word`."""
    return re.search(r"^ {7}" + re.escape(word) + r"(?![\w.-])", body, re.M) is not None


def check_page(page, binary):
    """The failures of `page` against the binary's help."""
    failures = []
    with open(page, "rb") as f:
        raw = f.read()
    if any(b > 127 for b in raw):
        line = raw[:next(i for i, b in enumerate(raw) if b > 127)].count(b"\n") + 1
        failures.append(f"{page}:{line}: a non-ASCII byte (groff reads the page as Latin-1: use \\(lq, \\(em, ...)")

    text, warnings = render(page)
    if warnings:
        failures.append(f"groff -man -Tutf8 -ww warns:\n{warnings}")

    if shutil.which("man"):
        env = {k: v for k, v in os.environ.items() if k != "MAN_KEEP_FORMATTING"}
        env.update(MANWIDTH=str(WIDTH), GROFF_NO_SGR="1", MANPAGER="cat", PAGER="cat")
        r = subprocess.run(["man", "-l", page], capture_output=True, env=env)
        shown = plain(r.stdout.decode("utf-8", "replace"))
        if r.returncode != 0:
            failures.append(f"man -l exited {r.returncode}: {r.stderr.decode('utf-8', 'replace').strip()}")
        elif "citelint" not in shown:
            failures.append("man -l printed no \"citelint\"")
        for n, line in enumerate(shown.splitlines(), 1):
            if len(line) > WIDTH:
                failures.append(f"man -l, line {n}, is wider than {WIDTH} columns: {line.strip()}")

    secs = sections(text)
    for name in SECTIONS:
        if name not in secs:
            failures.append(f"no {name} section")
    env_section = secs.get("ENVIRONMENT", "")
    for var in ENVIRONMENT:
        if not has_tag(env_section, var):
            failures.append(f"ENVIRONMENT does not describe {var}")

    top = run_help(binary, [])
    global_flags = {f for flags, _ in help_options(top) for f in flags}
    for flag in sorted(global_flags):
        if not has_flag(text, flag):
            failures.append(f"citelint {flag} is not in the page")

    commands = secs.get("COMMANDS", "")
    options = subsections(secs.get("OPTIONS", ""))
    for sub in subcommands(top):
        if not has_tag(commands, sub):
            failures.append(f"citelint {sub} has no entry under COMMANDS")
        sub_help = run_help(binary, [sub])
        heading = next((h for h in options if h.split()[0] == sub), None)
        body = options.get(heading, "")
        for flags, choices in help_options(sub_help):
            for flag in flags:
                if flag in global_flags:
                    continue  # --help: described once, under Global options
                if not has_flag(text, flag):
                    failures.append(f"citelint {sub} {flag} is not in the page")
                elif heading is None:
                    failures.append(f"citelint {sub} {flag}: no \"{sub} options\" subsection under OPTIONS")
                elif not has_flag(body, flag):
                    failures.append(f"citelint {sub} {flag} is not under OPTIONS, \"{heading}\"")
            for choice in choices:
                if not re.search(r"(?<![\w-])" + re.escape(choice) + r"(?![\w-])", body or text):
                    failures.append(f"citelint {sub} {'/'.join(flags)}: the choice {choice} is not in the page")
            if sub == "check" and "--format" in flags:
                for fmt in choices:
                    if not has_tag(secs.get("OUTPUT FORMATS", ""), fmt):
                        failures.append(f"the output format {fmt} has no entry under OUTPUT FORMATS")
    return failures


def without_entry(roff, tag_pattern):
    """`roff` with the first .TP entry whose tag line matches `tag_pattern`
    removed (up to the next paragraph or heading macro), or None."""
    lines = roff.split("\n")
    for i, line in enumerate(lines[:-1]):
        if line.strip() == ".TP" and re.search(tag_pattern, lines[i + 1]):
            end = i + 2
            while end < len(lines) and not re.match(r"\.(TP|PP|P|LP|IP|SS|SH)\b", lines[end]):
                end += 1
            return "\n".join(lines[:i] + lines[end:])
    return None


def roff_flag(flag):
    return flag.replace("-", "\\-")


def self_test(page, binary):
    """Shows that the test fails on copies of `page` with entries removed:
    the first flag of a subcommand's options, and the last command. Returns
    the problems (none when every mutant failed as it should)."""
    with open(page, encoding="ascii", errors="replace") as f:
        roff = f.read()
    top = run_help(binary, [])
    global_flags = {f for flags, _ in help_options(top) for f in flags}
    subs = subcommands(top)
    mutants = []
    for sub in subs:
        flags = [f for fs, _ in help_options(run_help(binary, [sub])) for f in fs if f not in global_flags]
        m = re.search(r'^\.SS "?' + re.escape(sub) + r"\b.*$", roff, re.M)
        if not flags or not m:
            continue
        start = m.end()
        nxt = re.search(r"^\.S[SH]\b", roff[start:], re.M)
        end = start + nxt.start() if nxt else len(roff)
        cut = without_entry(roff[start:end], re.escape(roff_flag(flags[0])) + r"(?![\w\\])")
        if cut is not None:
            mutants.append((f"citelint {sub} {flags[0]}", roff[:start] + cut + roff[end:]))
            break
    m = re.search(r"^\.SH COMMANDS\b.*$", roff, re.M)
    if m:
        start = m.end()
        nxt = re.search(r"^\.SH\b", roff[start:], re.M)
        end = start + nxt.start() if nxt else len(roff)
        cut = without_entry(roff[start:end], r"^\.[BI]\w*\s+" + re.escape(subs[-1]) + r"\b")
        if cut is not None:
            mutants.append((f"citelint {subs[-1]} has no entry under COMMANDS", roff[:start] + cut + roff[end:]))
    if len(mutants) < 2:
        return ["self-test: could not find a flag's and a command's entry to remove from the page"]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for expected, text in mutants:
            copy = os.path.join(tmp, "citelint.1")
            with open(copy, "w", encoding="ascii") as f:
                f.write(text)
            found = check_page(copy, binary)
            if not any(expected in failure for failure in found):
                problems.append(f"self-test: with an entry removed, the test did not report \"{expected}\""
                                + (f" (it reported: {found})" if found else " (it passed)"))
            else:
                print(f"self-test: a copy without the entry fails: {next(x for x in found if expected in x)}")
    return problems


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    page = os.path.abspath(sys.argv[3]) if len(sys.argv) == 4 else os.path.join(source, "man", "citelint.1")
    if not shutil.which("groff"):
        message = "groff is not installed (Debian: groff-base)"
        if os.environ.get("CITELINT_REQUIRE_TEST_TOOLS"):
            print(f"FAIL: {message}")
            return 1
        print(f"SKIP: {message}")
        return 77
    failures = [] if len(sys.argv) == 4 else self_test(page, binary)
    failures += check_page(page, binary)
    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        print(f"{len(failures)} failures in {page}")
        return 1
    print(f"{page}: every flag, command, output format and section is there; groff renders it without a warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
