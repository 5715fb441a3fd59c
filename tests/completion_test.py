#!/usr/bin/env python3
"""Keeps the shell completions, completions/citelint.bash and
completions/_citelint, true to the program.

  completion_test.py SOURCE_DIR CITELINT [BASH_SCRIPT [ZSH_SCRIPT]]

The subcommands, flags and value choices come from `citelint --help` and each
subcommand's `--help` (subcommands from the "Subcommands:" section), rule ids
from `citelint rules` (the first word of each line that starts at column 0).

bash (plain `bash --norc --noprofile`, no bash-completion package): the script
is sourced and _citelint called with COMP_WORDS/COMP_CWORD/COMP_LINE/
COMP_POINT set as bash sets them (split at "=" as COMP_WORDBREAKS does, and
also unsplit), with a directory holding a `citelint` symlink to CITELINT first
on PATH. It must offer exactly the subcommands, exactly each subcommand's
flags, exactly each {choices} flag's choices (as `--flag value` and
`--flag=value`), a value (not a flag) after each flag that takes one, rule ids
for the flags and positionals that take them (from the citelint named in
COMP_WORDS[0], silently nothing when that fails), directories for directory
flags and files otherwise. Then a real interactive bash on a pseudo-terminal
completes a few lines through readline.

zsh: `zsh -n`; every subcommand in _citelint_subcommands, and exactly each
subcommand's flags and choices in its _citelint_SUBCOMMAND function; then a
real `zsh -f -i` with compinit on a pseudo-terminal completes a few lines.

BASH_SCRIPT / ZSH_SCRIPT (or $CITELINT_BASH_COMPLETION /
$CITELINT_ZSH_COMPLETION) check other copies of the scripts. Without them the
test checks SOURCE_DIR/completions/*, after first showing that it fails on
copies with a flag, a choice and a subcommand removed.

Exit status: 0 pass, 1 fail. Without zsh the zsh part is skipped (a failure
instead when CITELINT_REQUIRE_TEST_TOOLS is set) and the bash part decides;
77 (skip) only when there is no bash either.
"""
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_help import help_section, run_help  # noqa: E402

FLAG = re.compile(r"^--?[A-Za-z0-9][A-Za-z0-9-]*$")
RULE_ID_HELP = re.compile(r"\brule ids?\b|\bids\b", re.I)
DIR_HELP = re.compile(r"\bdirector(y|ies)\b", re.I)
# A house style's rule (in work/house-style/house/), for rule ids that come
# from the --rules on the line.
HOUSE_RULE = """id: house.sources-say
kind: pattern
severity: error
scope: sentence
patterns: ['\\b(sources|insiders) (say|said)\\b']
message: "\u201c{match}\u201d needs a note"
description: "House style: every claim from sources cites a note."
examples:
  bad: ["The deal is off, \u27e6sources said\u27e7.\\n"]
  good: ["The deal is off, sources said.1\\n\\n1. Memo\\n"]
"""
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|[\x07\x08]")


# ---------------------------------------------------------------- the program

def help_entries(text, title):
    """[(head, description)] of a section: head is the entry's first column
    (`-j,--jobs INT:POSITIVE`), description its text, wrapped or on the next
    line."""
    out = []
    for line in help_section(text, title):
        if re.match(r"^  \S", line):
            head, _, desc = line.strip().partition("  ")
            out.append([head.strip(), desc.strip()])
        elif out:
            out[-1][1] = (out[-1][1] + " " + line.strip()).strip()
    return [tuple(e) for e in out]


def help_options(text):
    """{flag: option} of an Options: section. An option is a dict: names
    (['-j', '--jobs']), value (its type, '' for a flag that takes none),
    choices (['text', 'json'], or None), desc."""
    out = {}
    for head, desc in help_entries(text, "Options"):
        names, _, value = head.partition(" ")
        names = names.split(",")
        bad = [n for n in names if not FLAG.match(n)]
        if bad:
            raise RuntimeError(f"cannot read the help's option line {head!r}")
        m = re.search(r"\{([^}]*)\}", value)
        option = {"names": names, "value": value.strip(), "desc": desc,
                  "choices": [c.strip() for c in m.group(1).split(",")] if m else None}
        for n in names:
            out[n] = option
    return out


def read_program(binary):
    """{'': top-level options, sub: {'options', 'positionals', 'desc'}} and
    the subcommands in help order."""
    top = run_help(binary, [])
    subs = [(head.split()[0], desc) for head, desc in help_entries(top, "Subcommands")]
    if not subs:
        raise RuntimeError("no Subcommands: section in citelint --help")
    program = {"": {"options": help_options(top), "positionals": [], "desc": ""}}
    for sub, desc in subs:
        text = run_help(binary, [sub])
        program[sub] = {"options": help_options(text), "positionals": help_entries(text, "Positionals"),
                        "desc": desc}
    return program, [s for s, _ in subs]


def rule_ids(binary):
    r = subprocess.run([binary, "rules"], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"citelint rules exited {r.returncode}: {r.stderr}")
    ids = [line.split()[0] for line in r.stdout.splitlines() if line and not line[0].isspace()]
    if not ids:
        raise RuntimeError("citelint rules printed no rule")
    return ids


def takes_rule_ids(desc):
    return bool(RULE_ID_HELP.search(desc))


def takes_dirs(desc):
    return bool(DIR_HELP.search(desc)) and not re.search(r"\bfiles?\b", desc, re.I)


# ---------------------------------------------------------------------- bash

BASH_DRIVER = r'''
source "$1" || exit 3
shift
COMP_LINE=$1 COMP_POINT=${#1}
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_citelint
status=$?
((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
exit $status
'''


def bash_words(line, split_at_equals=True):
    """COMP_WORDS for a line completed at its end, split as bash splits it
    (at blanks, and at runs of "=" or ":" with COMP_WORDBREAKS's default)."""
    pieces = line.split(" ")
    words = []
    for piece in pieces[:-1]:
        if piece:
            words += re.findall(r"[=:]+|[^=:]+", piece) if split_at_equals else [piece]
    last = pieces[-1]
    if split_at_equals and last:
        parts = re.findall(r"[=:]+|[^=:]+", last)
        words += parts
    else:
        words.append(last)
    return words


class Bash:
    def __init__(self, script, bindir, cwd):
        self.script, self.bindir, self.cwd = script, bindir, cwd

    def complete(self, line, split_at_equals=True, argv0=None, path=None, words=None, strict=False):
        """COMPREPLY for `line` completed at its end (words: COMP_WORDS as
        given; strict: under `set -eu`). Returns (replies, stderr, status)."""
        words = words if words is not None else bash_words(line, split_at_equals)
        if argv0 is not None:
            words[0] = argv0
        env = dict(os.environ, PATH=path if path is not None else self.bindir + os.pathsep + os.environ["PATH"],
                   LC_ALL="C.UTF-8")
        driver = ("set -eu\n" if strict else "") + BASH_DRIVER
        r = subprocess.run(["bash", "--norc", "--noprofile", "-c", driver, "bash", self.script, line] + words,
                           capture_output=True, text=True, env=env, cwd=self.cwd, timeout=60)
        replies = r.stdout.split("\n")[:-1] if r.stdout else []
        return replies, r.stderr, r.returncode


def check_bash(script, binary, program, subs, ids, live=True):
    failures = []

    def fail(message):
        failures.append(f"bash: {message}")

    with tempfile.TemporaryDirectory() as tmp:
        bindir = os.path.join(tmp, "bin")
        work = os.path.join(tmp, "work")
        os.makedirs(bindir)
        os.makedirs(os.path.join(work, "house-style", "house"))
        with open(os.path.join(work, "house-style", "house", "sources-say.yaml"), "w", encoding="utf-8") as f:
            f.write(HOUSE_RULE)
        os.symlink(binary, os.path.join(bindir, "citelint"))
        with open(os.path.join(work, "draft.md"), "w", encoding="utf-8") as f:
            f.write("The mine closed.[^1]\n\n[^1]: Daily Courier\n")
        with open(os.path.join(work, "drop.txt"), "w", encoding="utf-8") as f:
            f.write("x\n")
        bash = Bash(script, bindir, work)

        def expect(line, want, exact=True, **kw):
            got, err, status = bash.complete(line, **kw)
            if status != 0 or err:
                fail(f"`{line}<TAB>`: _citelint exited {status}: {err.strip()}")
            elif exact and sorted(got) != sorted(want):
                fail(f"`{line}<TAB>` offers {sorted(got)}, not {sorted(want)}")
            elif not exact and not set(want) <= set(got):
                fail(f"`{line}<TAB>` offers {sorted(got)}, without {sorted(set(want) - set(got))}")
            elif len(got) != len(set(got)):
                fail(f"`{line}<TAB>` offers duplicates: {got}")
            return got

        # The subcommands and the top-level flags.
        expect("citelint ", subs)
        expect("citelint -", sorted(program[""]["options"]))

        for sub in subs:
            options = program[sub]["options"]
            # Exactly the subcommand's flags.
            expect(f"citelint {sub} -", sorted(options))
            seen = set()
            for option in options.values():
                if id(option) in seen:
                    continue
                seen.add(id(option))
                for flag in option["names"]:
                    if option["choices"] is not None:
                        expect(f"citelint {sub} {flag} ", option["choices"])
                        if flag.startswith("--"):
                            expect(f"citelint {sub} {flag}=", option["choices"])
                            expect(f"citelint {sub} {flag}=", [f"{flag}={c}" for c in option["choices"]],
                                   split_at_equals=False)
                    if option["value"]:
                        # The next word is the flag's value, even one that starts with "-".
                        got, _, _ = bash.complete(f"citelint {sub} {flag} -")
                        if any(g.startswith("-") for g in got):
                            fail(f"`citelint {sub} {flag} -<TAB>` offers flags {got}: "
                                 f"{flag} takes a value ({option['value']})")
                    else:
                        got, _, _ = bash.complete(f"citelint {sub} {flag} --")
                        if sorted(got) != sorted(o for o in options if o.startswith("--")):
                            fail(f"`citelint {sub} {flag} --<TAB>` offers {got}, not the flags: "
                                 f"{flag} takes no value")
                    if not option["value"] or option["choices"] is not None:
                        continue
                    if takes_rule_ids(option["desc"]):
                        prefix = ids[0].split(".")[0] + "."
                        expect(f"citelint {sub} {flag} {prefix}", [i for i in ids if i.startswith(prefix)])
                        expect(f"citelint {sub} {flag} {ids[0]},{prefix}",
                               [f"{ids[0]},{i}" for i in ids if i.startswith(prefix)])
                        if flag.startswith("--"):
                            expect(f"citelint {sub} {flag}={prefix}", [i for i in ids if i.startswith(prefix)])
                    elif takes_dirs(option["desc"]):
                        expect(f"citelint {sub} {flag} ", ["house-style"])
                        if flag.startswith("--"):
                            expect(f"citelint {sub} {flag}=h", ["house-style"])
                    elif option["value"].startswith("TEXT"):
                        expect(f"citelint {sub} {flag} dr", ["draft.md", "drop.txt"])
            for head, desc in program[sub]["positionals"]:
                if takes_rule_ids(desc):
                    prefix = ids[-1][:len(ids[-1]) // 2 + 1]
                    expect(f"citelint {sub} {prefix}", [i for i in ids if i.startswith(prefix)])
                elif takes_dirs(desc):
                    expect(f"citelint {sub} ", ["house-style"])
                else:
                    expect(f"citelint {sub} d", ["draft.md", "drop.txt"])

        # The brief's cases, spelled out.
        got = expect("citelint check --fo", ["--format"], exact=False)
        if any(not g.startswith("--fo") for g in got):
            fail(f"`citelint check --fo<TAB>` offers {got}")
        expect("citelint check --format ", program["check"]["options"]["--format"]["choices"])
        expect("citelint check --select attribution.", [i for i in ids if i.startswith("attribution.")])
        expect("citelint explain notes.dang", ["notes.dangling-marker"])
        expect("citelint check --format=sa", ["sarif"])
        expect("citelint check --format=sa", ["--format=sarif"], split_at_equals=False)
        expect("citelint check ", ["draft.md", "drop.txt", "house-style"])
        expect("citelint check --quiet dra", ["draft.md"])
        expect("citelint check --rules-dir house-style --config ", ["draft.md", "drop.txt", "house-style"])
        # Rule ids from the citelint on the line, not the one on PATH; nothing
        # (and silence) when it fails.
        expect("citelint explain notes.dang", ["notes.dangling-marker"], argv0=binary, path="/usr/bin:/bin")
        expect("citelint explain notes.dang", [], argv0=os.path.join(tmp, "missing", "citelint"))
        broken = os.path.join(tmp, "broken")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("#!/bin/sh\necho 'notes.fake from a failing citelint'\necho 'broken: error' >&2\nexit 2\n")
        os.chmod(broken, 0o755)
        expect("citelint explain notes.", [], argv0=broken)
        expect("citelint check --select notes.", [], argv0=broken)
        # A house style's rules with its --rules on the line (not without).
        expect("citelint check --rules house-style --select house.", ["house.sources-say"])
        expect("citelint explain --rules=house-style house.", ["house.sources-say"])
        expect("citelint explain house.", [])
        # Under `set -eu` too.
        expect("citelint check --format=sa", ["sarif"], strict=True)
        expect("citelint explain --rules house-style house.", ["house.sources-say"], strict=True)
        expect("citelint check --rules ", ["house-style"], strict=True)
        # A bad --rules-dir on the line still gives the shipped rules.
        expect(f"citelint explain --rules-dir {tmp}/none notes.dang", ["notes.dangling-marker"])

        if live:
            failures += check_bash_readline(script, binary, tmp)
    return failures


# --------------------------------------------------------- pseudo-terminals

class Terminal:
    """An interactive shell on a pseudo-terminal, 200 columns wide."""

    def __init__(self, argv, env, cwd):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        self.out = ""

    def send(self, text):
        os.write(self.fd, text.encode())

    def expect(self, pattern, timeout=15):
        """Reads until pattern matches the output since the last match;
        returns the match, or None at the timeout."""
        deadline = time.time() + timeout
        regex = re.compile(pattern, re.S)
        while True:
            m = regex.search(self.out)
            if m:
                self.out = self.out[m.end():]
                return m
            left = deadline - time.time()
            if left <= 0:
                return None
            r, _, _ = select.select([self.fd], [], [], min(left, 0.2))
            if r:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    return None
                if not data:
                    return None
                self.out += ANSI.sub("", data.decode("utf-8", "replace")).replace("\r", "")

    def drain(self, quiet=0.3):
        """Discards the output until there is none for `quiet` seconds."""
        while select.select([self.fd], [], [], quiet)[0]:
            try:
                if not os.read(self.fd, 65536):
                    break
            except OSError:
                break
        self.out = ""

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


# A citelint function that echoes its arguments (so Enter shows the completed
# line), and runs the real citelint for `citelint rules`.
ECHO_FUNCTION = ('citelint() { if [ "$1" = rules ]; then command citelint "$@"; '
                 'else printf "ARGS:%s\\n" "$*"; fi; }')


def run_lines(terminal, setup, prompt, lines):
    """Types setup, then each (keys, pattern, what) of lines; returns failures."""
    failures = []
    terminal.send(setup + "\n")
    if not terminal.expect("SETUP-DONE.*?" + re.escape(prompt)):
        return [f"the shell did not start: {terminal.out[-500:]!r}"]
    for n, (keys, pattern, what) in enumerate(lines):
        terminal.send(keys)
        m = terminal.expect(pattern)
        if not m:
            failures.append(f"{what}: typing {keys!r} shows {terminal.out[-500:]!r}")
        # back to an empty prompt: ^U empties the line (if Enter did not),
        # then wait for a command's output and the prompt after it.
        terminal.send(f"\x15echo SYNC-{n}\n")
        if not terminal.expect(rf"\nSYNC-{n}\n.*?" + re.escape(prompt)):
            failures.append(f"after {what}: no prompt: {terminal.out[-500:]!r}")
            break
        terminal.drain()
    return failures


def check_bash_readline(script, binary, tmp):
    bindir = os.path.join(tmp, "bin")
    env = {"PATH": bindir + os.pathsep + os.environ["PATH"], "HOME": tmp, "TERM": "dumb", "INPUTRC": "/dev/null",
           "LC_ALL": "C.UTF-8", "PS1": "PROMPT> "}
    terminal = Terminal(["bash", "--norc", "--noprofile", "-i"], env, os.path.join(tmp, "work"))
    try:
        failures = run_lines(
            terminal,
            f"PS1='BASH> '; source '{script}'; {ECHO_FUNCTION}; bind 'set show-all-if-ambiguous on' 2>/dev/null;"
            f" echo SETUP-DONE",
            "BASH> ",
            [("citelint check --format=sa\t\n", r"ARGS:check --format=sarif\n", "--format=sa<TAB>"),
             ("citelint check --format json --select notes.dangling-m\t\n",
              r"ARGS:check --format json --select notes.dangling-marker\n", "--select notes.dangling-m<TAB>"),
             ("citelint explain attribution.rot\t\n", r"ARGS:explain attribution.rotated-notes\n",
              "explain attribution.rot<TAB>"),
             ("citelint check dra\t\n", r"ARGS:check draft.md\n", "check dra<TAB>"),
             ("citelint graph --format \t", r"\ndot\s+json\s*\n", "graph --format <TAB>"),
             ("citelint check --color=\t", r"\nalways\s+auto\s+never\s*\n", "check --color=<TAB>"),
             ("citelint explain --rules house-style hou\t\n", r"ARGS:explain --rules house-style house.sources-say\n",
              "explain --rules house-style hou<TAB>")])
    finally:
        terminal.close()
    return [f"bash (interactive): {f}" for f in failures]


# ----------------------------------------------------------------------- zsh

def zsh_function(text, name):
    m = re.search(r"^" + re.escape(name) + r"\(\) \{\n(.*?)^\}", text, re.M | re.S)
    return m.group(1) if m else None


def zsh_spec_flags(body):
    """{flag: choices or None} from the _arguments spec lines of a function."""
    flags = {}
    for line in body.splitlines():
        line = line.strip()
        if not line.startswith(("'", "{", "*'", '"')):
            continue
        bare = re.sub(r"\[[^\]]*\]", "", line)  # descriptions
        bare = re.sub(r"^(\*?')\([^)]*\)'?", r"\1", bare)  # exclusion lists
        head = re.split(r"(?<!\\):", bare, maxsplit=1)[0]
        names = re.findall(r"(?<![\w-])(--?[A-Za-z0-9][\w-]*)", head)
        m = re.search(r":\(([^)]*)\)", bare)
        choices = m.group(1).split() if m else None
        for n in names:
            flags[n] = choices
    return flags


def check_zsh_text(script, program, subs):
    failures = []
    text = open(script, encoding="utf-8").read()
    r = subprocess.run(["zsh", "-n", script], capture_output=True, text=True)
    if r.returncode != 0 or r.stderr:
        failures.append(f"zsh -n: exit {r.returncode}: {r.stderr.strip()}")
    if not text.startswith("#compdef citelint"):
        failures.append("the script does not start with #compdef citelint")
    listed = zsh_function(text, "_citelint_subcommands") or ""
    named = re.findall(r"^\s*'([\w-]+):", listed, re.M)
    for sub in subs:
        if sub not in named:
            failures.append(f"subcommand {sub} is not in _citelint_subcommands")
    for sub in named:
        if sub not in subs:
            failures.append(f"_citelint_subcommands offers {sub}, which citelint --help does not list")
    for sub in [""] + subs:
        function = "_citelint" + (f"_{sub}" if sub else "")
        body = zsh_function(text, function)
        if body is None:
            failures.append(f"no {function} function for subcommand {sub}")
            continue
        flags = zsh_spec_flags(body)
        options = program[sub]["options"]
        where = f"citelint {sub}".strip()
        for flag, option in options.items():
            if flag not in flags:
                failures.append(f"flag {flag} of `{where}` is not in {function}")
            elif option["choices"] is not None and sorted(flags[flag] or []) != sorted(option["choices"]):
                failures.append(f"{function} offers {flags[flag]} for {flag}, not {option['choices']}")
        for flag in flags:
            if flag not in options:
                failures.append(f"{function} offers {flag}, which `{where} --help` does not list")
    return [f"zsh: {f}" for f in failures]


def check_zsh_live(script, binary, program):
    with tempfile.TemporaryDirectory() as tmp:
        bindir, fdir, work = (os.path.join(tmp, d) for d in ("bin", "functions", "work"))
        for d in (bindir, fdir, work):
            os.makedirs(d)
        os.symlink(binary, os.path.join(bindir, "citelint"))
        shutil.copy(script, os.path.join(fdir, "_citelint"))
        with open(os.path.join(work, "draft.md"), "w", encoding="utf-8") as f:
            f.write("x\n")
        os.makedirs(os.path.join(work, "house-style", "house"))
        with open(os.path.join(work, "house-style", "house", "sources-say.yaml"), "w", encoding="utf-8") as f:
            f.write(HOUSE_RULE)
        env = {"PATH": bindir + os.pathsep + os.environ["PATH"], "HOME": tmp, "TERM": "dumb", "LC_ALL": "C.UTF-8",
               "PS1": "PROMPT> "}
        formats = program["check"]["options"]["--format"]["choices"]
        subs_listed = r"\n" + r"".join(rf"(?=.*\b{re.escape(s)}\b)" for s in program if s) + r".*\nZSH> "
        terminal = Terminal(["zsh", "-f", "-i"], env, work)
        try:
            failures = run_lines(
                terminal,
                f"PS1='ZSH> '; fpath=({fdir} $fpath); autoload -U compinit; compinit -u -D; {ECHO_FUNCTION};"
                f" echo SETUP-DONE",
                "ZSH> ",
                [("citelint check --format \t",
                  r"\n" + r"\s+".join(sorted(formats)) + r"\s*\nZSH> ", "check --format <TAB> lists the formats"),
                 ("citelint \t", subs_listed, "citelint <TAB> lists the subcommands"),
                 ("citelint check --format=sa\t\n", r"ARGS:check --format=sarif\n", "--format=sa<TAB>"),
                 ("citelint check --select notes.dangling-marker,attribution.rot\t\n",
                  r"ARGS:check --select notes.dangling-marker,attribution.rotated-notes\n",
                  "--select ...,attribution.rot<TAB>"),
                 ("citelint explain notes.dang\t\n", r"ARGS:explain notes.dangling-marker\n",
                  "explain notes.dang<TAB>"),
                 ("citelint inspect dra\t\n", r"ARGS:inspect draft.md\n", "inspect dra<TAB>"),
                 ("citelint check --rules-dir \t\n", r"ARGS:check --rules-dir house-style/?\n",
                  "check --rules-dir <TAB>"),
                 ("citelint explain --rules house-style hou\t\n",
                  r"ARGS:explain --rules house-style house.sources-say\n", "explain --rules house-style hou<TAB>")])
        finally:
            terminal.close()
    return [f"zsh (interactive): {f}" for f in failures]


# ------------------------------------------------------------------ the test

def check_scripts(bash_script, zsh_script, binary, shells=("bash", "zsh"), live=True):
    """Failures, and whether zsh was skipped. live: also drive real shells on
    a pseudo-terminal."""
    program, subs = read_program(binary)
    ids = rule_ids(binary)
    failures = []
    if "bash" in shells:
        # Subcommands and flags named in the bash script at all (a check that
        # does not depend on how _citelint behaves).
        text = open(bash_script, encoding="utf-8").read()
        for sub in subs:
            if not re.search(rf"(?<![\w-]){re.escape(sub)}(?![\w-])", text):
                failures.append(f"bash: subcommand {sub} is not in {bash_script}")
            for flag in program[sub]["options"]:
                if not re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text):
                    failures.append(f"bash: flag {flag} of `citelint {sub}` is not in {bash_script}")
        failures += check_bash(bash_script, binary, program, subs, ids, live)
    if "zsh" not in shells:
        return failures, False
    if not shutil.which("zsh"):
        return failures, True
    zsh_failures = check_zsh_text(zsh_script, program, subs)
    if live and not zsh_failures:
        zsh_failures += check_zsh_live(zsh_script, binary, program)
    return failures + zsh_failures, False


def self_test(bash_script, zsh_script, binary):
    """Shows that the checks fail on copies of the scripts with a flag, a
    choice and a subcommand removed."""
    program, subs = read_program(binary)
    flag = sorted(f for f in program["check"]["options"] if f.startswith("--"))[-1]
    choice = program["check"]["options"]["--format"]["choices"][-1]
    sub = subs[-1]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for what, pattern, expected in [
                (f"flag {flag}", rf"(?<![\w-]){re.escape(flag)}(?![\w-])", flag),
                (f"--format choice {choice}", rf"(?<![\w-]){re.escape(choice)}(?![\w-])", choice),
                (f"subcommand {sub}", rf"(?<![\w-]){re.escape(sub)}(?![\w-])", sub)]:
            for shell, script in (("bash", bash_script), ("zsh", zsh_script)):
                if shell == "zsh" and not shutil.which("zsh"):
                    continue
                text = open(script, encoding="utf-8").read()
                broken = re.sub(pattern, "", text)
                if broken == text:
                    problems.append(f"self-test: cannot remove the {what} from the {shell} script")
                    continue
                copy = os.path.join(tmp, os.path.basename(script))
                with open(copy, "w", encoding="utf-8") as f:
                    f.write(broken)
                found, _ = (check_scripts(copy, zsh_script, binary, ("bash",), live=False) if shell == "bash"
                            else check_scripts(bash_script, copy, binary, ("zsh",), live=False))
                found = [f for f in found if f.startswith(shell) and expected in f]
                if not found:
                    problems.append(f"self-test: with the {what} removed from the {shell} script, "
                                    f"the test did not notice")
                else:
                    print(f"self-test: a {shell} script without the {what} fails: {found[0]}")
    return problems


def stable_copy(binary, tmp):
    """A working copy of binary in tmp. Waits for a while if the binary is
    missing or half-written (being rebuilt)."""
    copy = os.path.join(tmp, "citelint")
    for attempt in range(30):
        try:
            shutil.copy2(binary, copy)
            r = subprocess.run([copy, "rules"], capture_output=True, text=True, timeout=60)
            if r.returncode == 0:
                return copy
            # A binary that finds its rules beside itself: use it in place.
            if subprocess.run([binary, "rules"], capture_output=True, timeout=60).returncode == 0:
                return binary
        except OSError:
            if attempt == 29:
                raise
        time.sleep(1)
    raise RuntimeError(f"{binary} rules does not run")


def main():
    if len(sys.argv) not in (3, 4, 5):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    bash_script = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("CITELINT_BASH_COMPLETION")
    zsh_script = sys.argv[4] if len(sys.argv) > 4 else os.environ.get("CITELINT_ZSH_COMPLETION")
    own = not bash_script and not zsh_script
    bash_script = os.path.abspath(bash_script or os.path.join(source, "completions", "citelint.bash"))
    zsh_script = os.path.abspath(zsh_script or os.path.join(source, "completions", "_citelint"))
    if not shutil.which("bash"):
        print("SKIP: bash is not installed")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        # A copy of the binary, so that a rebuild while the test runs cannot
        # take it away half-way.
        binary = stable_copy(binary, tmp)
        failures = self_test(bash_script, zsh_script, binary) if own else []
        found, zsh_skipped = check_scripts(bash_script, zsh_script, binary)
    failures += found
    if zsh_skipped:
        if os.environ.get("CITELINT_REQUIRE_TEST_TOOLS"):
            failures.append("zsh is not installed (Debian: zsh)")
        else:
            print("SKIP: the zsh part: zsh is not installed (Debian: zsh)")
    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        print(f"{len(failures)} failures in {bash_script}" + ("" if zsh_skipped else f" and {zsh_script}"))
        return 1
    print(f"{bash_script}: every subcommand, flag, choice, rule id and path completes as `citelint --help` says")
    if not zsh_skipped:
        print(f"{zsh_script}: every subcommand, flag and choice is there; zsh completes them on a terminal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
