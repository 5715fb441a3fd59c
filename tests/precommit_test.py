#!/usr/bin/env python3
"""The pre-commit hook (.pre-commit-hooks.yaml) with Debian's pre-commit.

  precommit_test.py SOURCE_DIR CITELINT_BINARY

In a throw-away git repository that uses the hook — from a throw-away hook
repository holding this checkout's .pre-commit-hooks.yaml, so uncommitted
edits are tested too — with the citelint under test first on PATH:
  1. `pre-commit try-repo` on a staged broken draft fails and shows the finding;
  2. `git commit` of the broken draft (hook installed) is refused, with the finding;
  3. a good draft commits, and a file the hook does not match (notes.py) is not checked.
Exit 77 (skipped) without pre-commit or git, unless CITELINT_REQUIRE_TEST_TOOLS is set.
"""
import os
import shutil
import subprocess
import sys
import tempfile

BROKEN = ("# Ferry budget\n\nThe council counted 4,000 passengers.[^1] Crews said the rota was unsafe.[^2]\n\n"
          "[^1]: Harbour Gazette, ferry figures\n")
GOOD = ("# Ferry budget\n\nThe council counted 4,000 passengers.[^1]\n\n"
        "[^1]: Harbour Gazette, ferry figures\n")


def main():
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for tool in ("pre-commit", "git"):
        if shutil.which(tool) is None:
            if os.environ.get("CITELINT_REQUIRE_TEST_TOOLS"):
                print(f"precommit_test: {tool} is not installed (ci/install-deps installs it)")
                return 1
            print(f"precommit_test: skipped: {tool} is not installed")
            return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        os.symlink(binary, os.path.join(bindir, "citelint"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""),
                   PRE_COMMIT_HOME=os.path.join(tmp, "cache"), GIT_CONFIG_GLOBAL=os.path.join(tmp, "gitconfig"),
                   GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
        env.pop("CITELINT_RULES_DIR", None)

        def run(args, cwd):
            return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)

        # The hook repository: this checkout's hook definition, committed.
        hooks = os.path.join(tmp, "hooks")
        os.mkdir(hooks)
        shutil.copy(os.path.join(source, ".pre-commit-hooks.yaml"), hooks)
        for args in (["git", "init", "-q", "-b", "main"], ["git", "add", "."], ["git", "commit", "-q", "-m", "hooks"]):
            r = run(args, hooks)
            if r.returncode != 0:
                print(f"precommit_test: {' '.join(args)} failed: {r.stderr}")
                return 1
        rev = run(["git", "rev-parse", "HEAD"], hooks).stdout.strip()

        # The newsroom's repository.
        drafts = os.path.join(tmp, "drafts")
        os.mkdir(drafts)
        run(["git", "init", "-q", "-b", "main"], drafts)
        with open(os.path.join(drafts, ".pre-commit-config.yaml"), "w") as f:
            f.write(f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: citelint\n")
        with open(os.path.join(drafts, "ferry.md"), "w", encoding="utf-8") as f:
            f.write(BROKEN)
        run(["git", "add", "."], drafts)

        tried = run(["pre-commit", "try-repo", hooks, "citelint"], drafts)
        if tried.returncode == 0 or "notes.dangling-marker" not in tried.stdout or "ferry.md" not in tried.stdout:
            failures.append(f"try-repo on a broken draft: exit {tried.returncode}, output:\n{tried.stdout}{tried.stderr}")

        r = run(["pre-commit", "install"], drafts)
        if r.returncode != 0:
            failures.append(f"pre-commit install failed: {r.stdout}{r.stderr}")
        refused = run(["git", "commit", "-m", "broken draft"], drafts)
        shown = refused.stdout + refused.stderr
        if refused.returncode == 0 or "notes.dangling-marker" not in shown or "Failed" not in shown:
            failures.append(f"a broken draft was not refused (exit {refused.returncode}):\n{shown}")
        if run(["git", "rev-parse", "--verify", "-q", "HEAD"], drafts).returncode == 0:
            failures.append("the broken draft was committed")

        with open(os.path.join(drafts, "ferry.md"), "w", encoding="utf-8") as f:
            f.write(GOOD)
        with open(os.path.join(drafts, "notes.py"), "w") as f:
            f.write("x = 1  # not a draft: the hook does not match it\n")
        run(["git", "add", "."], drafts)
        passed = run(["git", "commit", "-m", "good draft"], drafts)
        shown = passed.stdout + passed.stderr
        if passed.returncode != 0 or "Passed" not in shown:
            failures.append(f"a good draft did not commit (exit {passed.returncode}):\n{shown}")
        listed = run(["git", "ls-files"], drafts).stdout.split()
        if passed.returncode == 0 and sorted(listed) != [".pre-commit-config.yaml", "ferry.md", "notes.py"]:
            failures.append(f"committed files: {listed}")
    for f in failures:
        print("FAIL", f)
    print(f"precommit_test: {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
