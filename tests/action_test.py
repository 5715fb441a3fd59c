#!/usr/bin/env python3
"""The GitHub Action (action.yml) run locally, as a runner would run it.

  action_test.py SOURCE_DIR CITELINT_BINARY

Reads action.yml, checks its inputs (paths, config, fail-on, baseline, format)
and steps, and runs its install and check steps with bash the way a runner
does: `${{ inputs.* }}` in each step's env replaced by the workflow's values,
GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
RUNNER_TEMP set, and the citelint under test on PATH. Asserts the annotations
on stdout, the SARIF file, the step outputs, the job summary and the exit
status for fail-on and a baseline.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

BROKEN = ("# Ferry budget\n\nThe council counted 4,000 passengers.[^1] Crews said the rota was unsafe.[^2]\n\n"
          "[^1]: Harbour Gazette, ferry figures\n")
GOOD = "# Pier\n\nThe pier reopened.[^1]\n\n[^1]: Valley Courier, pier notice\n"


def main():
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failures = []
    with open(os.path.join(source, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    inputs = action.get("inputs", {})
    for name in ("paths", "config", "fail-on", "baseline", "format"):
        if name not in inputs:
            failures.append(f"action.yml has no input {name}")
    runs = action.get("runs", {})
    if runs.get("using") != "composite":
        failures.append("action.yml is not a composite action")
    steps = runs.get("steps", [])
    by_name = {s.get("id") or s.get("name"): s for s in steps}
    install = next((s for s in steps if "install" in s.get("run", "")), None)
    check = by_name.get("check")
    upload = next((s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")), None)
    if install is None or check is None or upload is None:
        print(f"action_test: FAIL steps: install {install is not None}, check {check is not None}, "
              f"upload-sarif {upload is not None}")
        return 1
    if "steps.check.outputs.sarif-file" not in upload.get("with", {}).get("sarif_file", ""):
        failures.append("the upload step does not upload the check step's SARIF file")
    if "always()" not in str(upload.get("if", "")):
        failures.append("the upload step does not run when the check fails")
    for name, spec in inputs.items():  # every input reaches a step
        if not any(f"inputs.{name}" in json.dumps(s) for s in steps):
            failures.append(f"input {name} is used by no step")

    with tempfile.TemporaryDirectory() as tmp:
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        os.symlink(binary, os.path.join(bindir, "citelint"))
        work = os.path.join(tmp, "workspace")
        os.makedirs(os.path.join(work, "drafts"))
        with open(os.path.join(work, "drafts", "ferry.md"), "w", encoding="utf-8") as f:
            f.write(BROKEN)
        with open(os.path.join(work, "drafts", "pier.md"), "w", encoding="utf-8") as f:
            f.write(GOOD)

        def run_step(step, given, name):
            """Runs a step's `run:` with bash as a runner does; returns (result, outputs, summary)."""
            out_file, summary_file = os.path.join(tmp, name + ".out"), os.path.join(tmp, name + ".md")
            open(out_file, "w").close()
            open(summary_file, "w").close()
            env = {k: v for k, v in os.environ.items() if not k.startswith(("CITELINT_", "GITHUB_"))}
            env.update(PATH=bindir + os.pathsep + os.environ.get("PATH", ""), GITHUB_ACTION_PATH=source,
                       GITHUB_WORKSPACE=work, GITHUB_OUTPUT=out_file, GITHUB_STEP_SUMMARY=summary_file,
                       GITHUB_ACTIONS="true", RUNNER_TEMP=tmp, NO_COLOR="1")

            def expand(value):
                return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}",
                              lambda m: str(given.get(m.group(1), inputs[m.group(1)].get("default", ""))), str(value))

            for key, value in step.get("env", {}).items():
                env[key] = expand(value)
            r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step["run"])],
                               cwd=work, env=env, capture_output=True, text=True)
            outputs = dict(line.split("=", 1) for line in open(out_file).read().splitlines() if "=" in line)
            return r, outputs, open(summary_file).read()

        r, _, _ = run_step(install, {}, "install")
        if r.returncode != 0 or "citelint 0." not in r.stdout:
            failures.append(f"install step with citelint on PATH: exit {r.returncode}: {r.stdout}{r.stderr}")

        # Defaults but the paths: annotations, SARIF, outputs, summary; exit 1.
        r, outputs, summary = run_step(check, {"paths": "drafts"}, "default")
        annotations = [line for line in r.stdout.splitlines() if line.startswith("::")]
        if r.returncode != 1:
            failures.append(f"a broken draft: exit {r.returncode}, expected 1: {r.stderr}")
        if not any(a.startswith("::error ") and "title=notes.dangling-marker," in a and
                   ",file=drafts/ferry.md,line=3," in a for a in annotations):
            failures.append(f"no annotation for the dangling marker: {r.stdout}")
        if any("pier.md" in a for a in annotations):
            failures.append(f"the good draft was annotated: {annotations}")
        sarif_path = os.path.join(work, outputs.get("sarif-file", "?"))
        if outputs.get("sarif-file") != "citelint.sarif" or outputs.get("exit-code") != "1":
            failures.append(f"step outputs: {outputs}")
        elif not os.path.exists(sarif_path):
            failures.append("no SARIF file written")
        else:
            with open(sarif_path, encoding="utf-8") as f:
                log = json.load(f)
            results = log["runs"][0]["results"]
            if log.get("version") != "2.1.0" or not any(x["ruleId"] == "notes.dangling-marker" for x in results):
                failures.append(f"the SARIF file lacks the finding: {[x['ruleId'] for x in results]}")
        if "notes.dangling-marker" not in summary or "the step fails" not in summary:
            failures.append(f"job summary: {summary}")

        # fail-on never: the same annotations, exit 0; format concise prints no workflow commands.
        r, outputs, _ = run_step(check, {"paths": "drafts", "fail-on": "never", "format": "concise"}, "never")
        if r.returncode != 0 or outputs.get("exit-code") != "0" or "drafts/ferry.md:3:" not in r.stdout or "::" in r.stdout:
            failures.append(f"fail-on never, format concise: exit {r.returncode}, outputs {outputs}: {r.stdout}")

        # A baseline of today's findings: nothing new, nothing annotated, exit 0;
        # the SARIF still lists them, marked unchanged.
        subprocess.run([binary, "check", "--write-baseline", "baseline.json", "drafts"], cwd=work, capture_output=True,
                       check=True)
        # (The SARIF file's directory does not exist yet: the step makes it.)
        r, outputs, _ = run_step(check, {"paths": "drafts", "baseline": "baseline.json",
                                         "sarif-file": "out/base.sarif"}, "baseline")
        if r.returncode != 0 or any(line.startswith("::error") for line in r.stdout.splitlines()):
            failures.append(f"under a baseline of every finding: exit {r.returncode}: {r.stdout}")
        else:
            with open(os.path.join(work, "out", "base.sarif"), encoding="utf-8") as f:
                states = {x.get("baselineState") for x in json.load(f)["runs"][0]["results"]}
            if states != {"unchanged"}:
                failures.append(f"baseline SARIF states: {states}")

        # A config that does not load: exit 2, and no SARIF output to upload.
        with open(os.path.join(work, "bad.yaml"), "w") as f:
            f.write("enable: [notes.dangling-markr]\n")
        r, outputs, _ = run_step(check, {"paths": "drafts", "config": "bad.yaml", "sarif-file": "bad.sarif"}, "bad")
        if r.returncode != 2 or outputs.get("exit-code") != "2" or "sarif-file" in outputs:
            failures.append(f"a broken config: exit {r.returncode}, outputs {outputs}: {r.stderr}")
    for f in failures:
        print("FAIL", f)
    print(f"action_test: {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
