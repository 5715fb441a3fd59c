#!/usr/bin/env python3
"""Runs the README's examples, so the README stays true.

Marked code blocks:
  <!-- readme-test: file NAME -->      the block is written to NAME in a temporary directory
  <!-- readme-test: output COMMAND --> COMMAND (citelint ...) run there must print the block exactly
  <!-- readme-test: config NAME -->    the block is a config file: `citelint config --print --config NAME` must accept it
  <!-- readme-test: rule PATH -->      the block is a rule file PATH under a rules directory: its examples must pass
  <!-- readme-test: ci -->             the block is CI YAML: its citelint commands must run on a drafts/ folder
  <!-- readme-test: precommit -->      a .pre-commit-config.yaml: its hook ids are in .pre-commit-hooks.yaml
  <!-- readme-test: action -->         a workflow using action.yml: its `with:` keys are the action's inputs,
                                       and the action's check step runs with them on a drafts/ folder
  <!-- readme-test: gitlab -->         a GitLab CI config including ci/gitlab/citelint.yml: its variables are
                                       the template's, and the template's script runs with them
And every flag the Usage block lists for a subcommand must be in that subcommand's --help.

  readme_test.py SOURCE_DIR CITELINT
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile


# The draft the CI examples run on.
DRAFT = ("Harbour Strike Ends\n"
         "The union voted on Sunday to end the strike.1 Port officials said 2,400 containers were waiting.3\n"
         "Notes\n1. Union vote \u2014 Harbour Gazette reports the result\n")


def blocks(readme):
    """(directive, argument, body) for each marked fenced block."""
    out = []
    pattern = re.compile(r"<!-- readme-test: (\w+)(?: ([^\n]*?))? -->\n```[a-z]*\n(.*?)```", re.S)
    for m in pattern.finditer(readme):
        out.append((m.group(1), m.group(2) or "", m.group(3)))
    return out


def main():
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    failures = []
    checked = 0
    env = dict(os.environ, CITELINT_RULES_DIR=os.path.join(source, "rules"))
    with tempfile.TemporaryDirectory() as tmp:
        for kind, arg, body in blocks(readme):
            if kind == "file":
                with open(os.path.join(tmp, arg), "w", encoding="utf-8") as f:
                    f.write(body)
            elif kind == "output":
                argv = shlex.split(arg)
                assert argv[0] == "citelint", arg
                r = subprocess.run([binary] + argv[1:], cwd=tmp, capture_output=True, text=True, env=env)
                checked += 1
                if r.stdout != body:
                    failures.append(f"`{arg}` printed:\n{r.stdout}\nbut the README shows:\n{body}")
            elif kind == "ci":
                # A CI snippet (GitHub Actions steps, a GitLab job): every citelint
                # command in its run:/script: lines must run on a drafts/ folder
                # (exit 0 or 1, not a usage or input error).
                import yaml
                work = os.path.join(tmp, "ci")
                os.makedirs(os.path.join(work, "drafts"), exist_ok=True)
                with open(os.path.join(work, "drafts", "harbour-strike.txt"), "w", encoding="utf-8") as f:
                    f.write(DRAFT)
                subprocess.run([binary, "check", "--write-baseline", ".citelint-baseline.json", "drafts/"], cwd=work,
                               capture_output=True, env=env)
                doc = yaml.safe_load(body)
                steps = doc if isinstance(doc, list) else list(doc.values())
                commands = []
                for step in steps:
                    if isinstance(step, dict):
                        commands += [step["run"]] if "run" in step else []
                        commands += step.get("script", [])
                for command in commands:
                    argv = shlex.split(command)
                    if not argv or argv[0] != "citelint":
                        failures.append(f"a CI example runs something other than citelint: {command}")
                        continue
                    r = subprocess.run([binary] + argv[1:], cwd=work, capture_output=True, text=True, env=env)
                    checked += 1
                    if r.returncode not in (0, 1):
                        failures.append(f"the README's CI command `{command}` exits {r.returncode}:\n{r.stderr}")
                if not commands:
                    failures.append(f"a CI example with no citelint command:\n{body}")
            elif kind in ("precommit", "action", "gitlab"):
                import yaml
                doc = yaml.safe_load(body)
                work = os.path.join(tmp, kind)
                os.makedirs(os.path.join(work, "drafts"), exist_ok=True)
                with open(os.path.join(work, "drafts", "harbour-strike.txt"), "w", encoding="utf-8") as f:
                    f.write(DRAFT)
                subprocess.run([binary, "check", "--write-baseline", ".citelint-baseline.json", "drafts/"], cwd=work,
                               capture_output=True, env=env)
                bindir = os.path.join(tmp, "bin")
                if not os.path.exists(bindir):
                    os.mkdir(bindir)
                    os.symlink(os.path.abspath(binary), os.path.join(bindir, "citelint"))
                run_env = dict(env, PATH=bindir + os.pathsep + env.get("PATH", ""))
                checked += 1
                if kind == "precommit":
                    with open(os.path.join(source, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
                        ids = {h["id"] for h in yaml.safe_load(f)}
                    used = {h["id"] for r in doc["repos"] for h in r["hooks"]}
                    if not used or not used <= ids:
                        failures.append(f"the README's pre-commit config uses hooks {used}; the repository has {ids}")
                elif kind == "action":
                    with open(os.path.join(source, "action.yml"), encoding="utf-8") as f:
                        action = yaml.safe_load(f)
                    uses = [st for job in doc["jobs"].values() for st in job["steps"]
                            if re.match(r"[\w.-]+/citelint@", str(st.get("uses", "")))]
                    if len(uses) != 1:
                        failures.append("the README's workflow does not use the citelint action")
                        continue
                    given = {k: str(v) for k, v in uses[0].get("with", {}).items()}
                    unknown = set(given) - set(action["inputs"])
                    if unknown:
                        failures.append(f"the README's workflow passes inputs the action lacks: {unknown}")
                    step_env = dict(run_env, GITHUB_ACTION_PATH=source)
                    check = next(st for st in action["runs"]["steps"] if st.get("id") == "check")
                    for key, value in check.get("env", {}).items():
                        step_env[key] = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}",
                                               lambda m: given.get(m.group(1), str(action["inputs"][m.group(1)].get("default", ""))),
                                               str(value))
                    r = subprocess.run(["bash", "-c", check["run"]], cwd=work, capture_output=True, text=True,
                                       env=step_env)
                    if r.returncode not in (0, 1) or not os.path.exists(os.path.join(work, "citelint.sarif")):
                        failures.append(f"the README's workflow: the action's check step exits {r.returncode}:\n"
                                        f"{r.stdout}{r.stderr}")
                else:
                    with open(os.path.join(source, "ci", "gitlab", "citelint.yml"), encoding="utf-8") as f:
                        template = yaml.safe_load(f)
                    includes = [i.get("remote", "") + i.get("file", "") for i in doc.get("include", [])]
                    if not any(i.endswith("ci/gitlab/citelint.yml") for i in includes):
                        failures.append(f"the README's GitLab config does not include the template: {includes}")
                    variables = {k: str(v) for k, v in doc.get("variables", {}).items()}
                    unknown = set(variables) - set(template["variables"])
                    if unknown:
                        failures.append(f"the README's GitLab config sets variables the template lacks: {unknown}")
                    job_env = dict(run_env, **{k: str(v) for k, v in template["variables"].items()})
                    job_env.update(variables)
                    script = "\n".join(template["citelint"]["before_script"] + template["citelint"]["script"])
                    r = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=work, capture_output=True,
                                       text=True, env=job_env)
                    if r.returncode not in (0, 1):
                        failures.append(f"the README's GitLab config: the job exits {r.returncode}:\n{r.stdout}{r.stderr}")
            elif kind == "config":
                path = os.path.join(tmp, "cfg", arg)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(body)
                os.makedirs(os.path.join(tmp, "cfg", "..", "house-style"), exist_ok=True)
                r = subprocess.run([binary, "config", "--print", "--config", path], capture_output=True, text=True, env=env)
                checked += 1
                if r.returncode != 0:
                    failures.append(f"the README's config example is refused:\n{r.stderr}")
            elif kind == "rule":
                rules = os.path.join(tmp, "rules")
                path = os.path.join(rules, arg)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(body)
                # The rule's own examples (no fixtures: an empty fixture directory is an error).
                r = subprocess.run([binary, "test", "--rules", rules], cwd=tmp,
                                   capture_output=True, text=True, env=env)
                checked += 1
                rule_id = arg.replace("/", ".").removesuffix(".yaml")
                if r.returncode != 0 or not re.search(rf"^{re.escape(rule_id)}\s+2\s", r.stdout, re.M):
                    failures.append(f"the README's rule example fails `citelint test`:\n{r.stdout}{r.stderr}")
    # Usage: every flag of every subcommand is documented by --help.
    usage = readme.split("## Usage", 1)[1].split("```", 2)[1]
    for line in re.findall(r"^citelint (\w+)(.*(?:\n {10,}.*)*)", usage, re.M):
        sub, rest = line
        help_text = subprocess.run([binary, sub, "--help"], capture_output=True, text=True, env=env).stdout
        for flag in re.findall(r"--[a-z-]+", rest):
            checked += 1
            if flag not in help_text:
                failures.append(f"README lists `citelint {sub} {flag}` but `citelint {sub} --help` does not")
    if checked < 5:
        failures.append(f"only {checked} README examples were found: the markers are missing")
    for f in failures:
        print("FAIL:", f)
    print(f"{checked} README examples checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
