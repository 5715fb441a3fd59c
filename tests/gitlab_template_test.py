#!/usr/bin/env python3
"""The GitLab CI job template (ci/gitlab/citelint.yml) run locally.

  gitlab_template_test.py SOURCE_DIR CITELINT_BINARY

Runs the `citelint` job's before_script and script as a GitLab shell runner
does (one bash script, stopping at the first failing line), with the
template's variables (some overridden as a project would) and the citelint
under test on PATH, in a throw-away project directory. Asserts the job's exit
status for fail-on, the Code Quality report (the fields GitLab reads) and the
JUnit report the artifacts name.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

BROKEN = ("# Ferry budget\n\nThe council counted 4,000 passengers.[^1] Crews said the rota was unsafe.[^2]\n\n"
          "[^1]: Harbour Gazette, ferry figures\n")
GOOD = "# Pier\n\nThe pier reopened.[^1]\n\n[^1]: Valley Courier, pier notice\n"


def main():
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "ci", "gitlab", "citelint.yml"), encoding="utf-8") as f:
        template = yaml.safe_load(f)
    failures = []
    job = template.get("citelint", {})
    reports = job.get("artifacts", {}).get("reports", {})
    if job.get("artifacts", {}).get("when") != "always" or set(reports) != {"codequality", "junit"}:
        print(f"gitlab_template_test: FAIL the job's artifacts: {job.get('artifacts')}")
        return 1
    script = "\n".join(job.get("before_script", []) + job.get("script", []))

    with tempfile.TemporaryDirectory() as tmp:
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        os.symlink(binary, os.path.join(bindir, "citelint"))

        def run_job(name, drafts, variables):
            project = os.path.join(tmp, name)
            os.makedirs(os.path.join(project, "drafts"))
            for file, text in drafts.items():
                with open(os.path.join(project, "drafts", file), "w", encoding="utf-8") as f:
                    f.write(text)
            env = {k: v for k, v in os.environ.items() if not k.startswith("CITELINT_")}
            env.update({k: str(v) for k, v in template.get("variables", {}).items()})
            env.update(variables)
            env.update(PATH=bindir + os.pathsep + os.environ.get("PATH", ""), CI="true", GITLAB_CI="true",
                       CI_PROJECT_DIR=project)
            r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=project,
                               env=env, capture_output=True, text=True)
            return r, project

        r, project = run_job("broken", {"ferry.md": BROKEN, "pier.md": GOOD}, {"CITELINT_PATHS": "drafts"})
        if r.returncode != 1 or "drafts/ferry.md:3:" not in r.stdout:
            failures.append(f"a broken draft: exit {r.returncode}, expected 1:\n{r.stdout}{r.stderr}")
        quality_path = os.path.join(project, reports["codequality"])
        junit_path = os.path.join(project, reports["junit"])
        if not os.path.exists(quality_path) or not os.path.exists(junit_path):
            failures.append(f"reports missing: {os.listdir(project)}")
        else:
            with open(quality_path, encoding="utf-8") as f:
                issues = json.load(f)
            dangling = [i for i in issues if i.get("check_name") == "notes.dangling-marker"]
            if len(dangling) != 1:
                failures.append(f"Code Quality: {len(dangling)} dangling-marker issues in {issues}")
            for i in issues:
                if not (i.get("description") and i.get("fingerprint") and i.get("severity") in
                        ("info", "minor", "major", "critical", "blocker") and i.get("location", {}).get("path") and
                        isinstance(i.get("location", {}).get("lines", {}).get("begin"), int)):
                    failures.append(f"Code Quality issue lacks what GitLab reads: {i}")
            if dangling and (dangling[0]["location"]["path"] != "drafts/ferry.md" or
                             dangling[0]["location"]["lines"]["begin"] != 3):
                failures.append(f"Code Quality location: {dangling[0]['location']}")
            suites = ET.parse(junit_path).getroot()
            failed = [c.get("name") for c in suites.iter("testcase") if c.find("failure") is not None]
            files = {s.get("name") for s in suites.iter("testsuite")}
            if not any(n.startswith("notes.dangling-marker 3:") for n in failed) or \
                    not {"drafts/ferry.md", "drafts/pier.md"} <= files:
                failures.append(f"JUnit: failed cases {failed}, suites {files}")

        r, _ = run_job("never", {"ferry.md": BROKEN}, {"CITELINT_PATHS": "drafts", "CITELINT_FAIL_ON": "never"})
        if r.returncode != 0:
            failures.append(f"CITELINT_FAIL_ON=never: exit {r.returncode}:\n{r.stdout}{r.stderr}")

        r, project = run_job("good", {"pier.md": GOOD}, {"CITELINT_PATHS": "drafts"})
        if r.returncode != 0:
            failures.append(f"a good draft: exit {r.returncode}:\n{r.stdout}{r.stderr}")
        elif any(c.find("failure") is not None for c in ET.parse(os.path.join(project, reports["junit"])).iter("testcase")):
            failures.append("a good draft has failed JUnit cases")

        # A mistyped path stops the job at its first citelint line (exit 2).
        r, _ = run_job("typo", {"pier.md": GOOD}, {"CITELINT_PATHS": "draftz"})
        if r.returncode != 2:
            failures.append(f"a mistyped path: exit {r.returncode}, expected 2:\n{r.stdout}{r.stderr}")

        r, _ = run_job("args", {"ferry.md": BROKEN}, {"CITELINT_PATHS": "drafts",
                                                      "CITELINT_ARGS": "--ignore notes.dangling-marker"})
        if r.returncode != 0:
            failures.append(f"CITELINT_ARGS --ignore: exit {r.returncode}:\n{r.stdout}{r.stderr}")
    for f in failures:
        print("FAIL", f)
    print(f"gitlab_template_test: {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
