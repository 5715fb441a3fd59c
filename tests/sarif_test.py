#!/usr/bin/env python3
"""`citelint check --format sarif`, validated by the Microsoft SARIF Multitool
(`validate --rule-kind "Gh;Sarif"`: GitHub's ingestion rules and SARIF's own)
with no error and no warning, and checked against the JSON report.

The Multitool comes from npm (ci/install-test-tools puts it in
.cache/test-tools). Without it the test skips (exit 77), unless
CITELINT_REQUIRE_TEST_TOOLS is set, as ci/test sets it.

  sarif_test.py SOURCE_DIR CITELINT
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

DRAFT = ("Harbour Strike Ends\n"
         "The union voted on Sunday to end the strike.1 Port officials said 2,400 containers were waiting.3\n"
         "Talks lasted eleven days.2\n"
         "Union leader Mara Quint called the deal \u201ca floor, not a ceiling.\u201d4\n"
         "Notes\n"
         "1. Union vote \u2014 Harbour Gazette reports the result\n"
         "2. Talks timeline \u2014 Valley Courier lists the meetings\n")


MINE = ("# Mine\n\nThe mine closed.[^1] Jobs were lost.[^2]\nThe town shrank.[^3] More jobs went.[^2]\n\n"
        "[^1]: Mine to close after 80 years \u2014 Daily Courier reports the closure\n"
        "[^2]: Mine to close after 80 years \u2014 Daily Courier notes the job losses\n"
        "[^3]: Census figures \u2014 Statistics Office\n")
MINE_FIXED = ("# Mine\n\nThe mine closed.[^1] Jobs were lost.[^1]\nThe town shrank.[^3] More jobs went.[^1]\n\n"
              "[^1]: Mine to close after 80 years \u2014 Daily Courier reports the closure\n"
              "[^3]: Census figures \u2014 Statistics Office\n")


def apply_fix(text, fix):
    """Applies a SARIF fix's replacements (1-based lines, code-point columns) to text."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line, column):
        return starts[line - 1] + column - 1

    out, at = [], 0
    for change in fix["artifactChanges"]:
        for rep in change["replacements"]:
            region = rep["deletedRegion"]
            begin = offset(region["startLine"], region["startColumn"])
            end = offset(region["endLine"], region["endColumn"])
            out.append(text[at:begin] + rep["insertedContent"]["text"])
            at = end
    return "".join(out) + text[at:]


def main():
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tool = os.environ.get("CITELINT_SARIF_MULTITOOL") or os.path.join(
        source, ".cache", "test-tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
    if not os.access(tool, os.X_OK):
        if os.environ.get("CITELINT_REQUIRE_TEST_TOOLS"):
            print(f"sarif_test: no SARIF Multitool at {tool} (run ci/install-test-tools)")
            return 1
        print(f"sarif_test: skipped: no SARIF Multitool at {tool} (run ci/install-test-tools)")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        draft = os.path.join(tmp, "harbour strike.txt")  # a space: the URI must encode it
        with open(draft, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        seed = os.path.join(tmp, "seed.txt")
        shutil.copy(os.path.join(source, "fixtures", "e2e", "openai-microsoft-partnership.txt"), seed)
        cases = []

        def sarif(name, *args):
            r = subprocess.run([binary, "check", "--format", "sarif"] + list(args), cwd=tmp, capture_output=True,
                               text=True)
            if r.returncode not in (0, 1):
                failures.append(f"{name}: exit {r.returncode}: {r.stderr}")
                return None
            path = os.path.join(tmp, name + ".sarif")
            with open(path, "w", encoding="utf-8") as f:
                f.write(r.stdout)
            cases.append(path)
            return json.loads(r.stdout)

        plain = sarif("plain", "harbour strike.txt")
        js = json.loads(subprocess.run([binary, "check", "--format", "json", "harbour strike.txt"], cwd=tmp,
                                       capture_output=True, text=True).stdout)
        seeded = sarif("seed", "seed.txt")
        # Under a baseline: known findings "unchanged", new ones "new", fixed ones "absent".
        subprocess.run([binary, "check", "--write-baseline", "b.json", "harbour strike.txt"], cwd=tmp,
                       capture_output=True, check=True)
        with open(draft, "w", encoding="utf-8") as f:
            f.write(DRAFT.replace("a ceiling.\u201d4", "a ceiling.\u201d").replace("eleven days.2",
                                                                                  "eleven days.2 Insiders said so.9"))
        based = sarif("baseline", "--baseline", "b.json", "harbour strike.txt")
        # A duplicate note: the fix moves its markers to the first note and deletes it.
        with open(os.path.join(tmp, "mine.md"), "w", encoding="utf-8") as f:
            f.write(MINE)
        mine = sarif("duplicate", "mine.md")

        for path in cases:
            r = subprocess.run([tool, "validate", "--rule-kind", "Gh;Sarif", path], capture_output=True, text=True)
            problems = [line for line in r.stdout.splitlines() if re.search(r": (error|warning) [A-Z]", line)]
            if r.returncode != 0 or problems or "Analysis completed successfully" not in r.stdout:
                failures.append(f"{os.path.basename(path)}: the Multitool says (exit {r.returncode}):\n" +
                                "\n".join(problems or r.stdout.splitlines()[-5:]))

        if plain:
            run = plain["runs"][0]
            if plain["version"] != "2.1.0" or run["tool"]["driver"]["name"] != "citelint":
                failures.append("not a SARIF 2.1.0 run of citelint")
            rules = run["tool"]["driver"]["rules"]
            ids = [r["id"] for r in rules]
            if ids != sorted(ids) or "notes.dangling-marker" not in ids or "attribution.mismatch" not in ids:
                failures.append(f"rules are not every rule, sorted: {ids}")
            for r in rules:
                for key in ("shortDescription", "fullDescription", "help", "defaultConfiguration", "helpUri"):
                    if key not in r:
                        failures.append(f"rule {r['id']} has no {key}")
            res = run["results"]
            if len(res) != len(js["diagnostics"]):
                failures.append(f"{len(res)} results for {len(js['diagnostics'])} findings")
            levels = {"error": "error", "warning": "warning", "info": "note"}
            for r, d in zip(res, js["diagnostics"]):
                loc = r["locations"][0]["physicalLocation"]
                region = loc["region"]
                if (r["ruleId"] != d["rule"] or ids[r["ruleIndex"]] != d["rule"] or r["level"] != levels[d["severity"]]
                        or region["startLine"] != d["line"] or region["startColumn"] != d["column"]
                        or loc["artifactLocation"]["uri"] != "harbour%20strike.txt"
                        or r["partialFingerprints"]["citelint/v1"] != d["fingerprint"]):
                    failures.append(f"result {r} does not match finding {d}")
        if seeded:
            res = seeded["runs"][0]["results"]
            if not any(r["ruleId"] == "attribution.rotated-notes" for r in res):
                failures.append("the seed's rotation is missing from its SARIF")
            # Each mismatch points at the note cited and the note that fits, and
            # offers the fix: the marker relabelled. (Notes 7-9: lines 62-64.)
            mismatches = [r for r in res if r["ruleId"] == "attribution.mismatch"]
            if len(mismatches) != 3:
                failures.append(f"{len(mismatches)} mismatches in the seed's SARIF, expected 3")
            for r in mismatches:
                lines = [x["physicalLocation"]["region"]["startLine"] for x in r.get("relatedLocations", [])]
                fix = r.get("fixes", [{}])[0].get("artifactChanges", [{}])[0].get("replacements", [{}])[0]
                new = fix.get("insertedContent", {}).get("text", "")
                if len(lines) != 2 or not new or lines[1] != 55 + int(new) or \
                        fix["deletedRegion"] != r["locations"][0]["physicalLocation"]["region"]:
                    failures.append(f"mismatch without its related notes or fix: {json.dumps(r)[:400]}")
        if mine:
            dup = [r for r in mine["runs"][0]["results"] if r["ruleId"] == "notes.duplicate-note"]
            fixes = dup[0].get("fixes", []) if len(dup) == 1 else []
            if len(fixes) != 1:
                failures.append(f"duplicate note: expected one finding with one fix, got {json.dumps(dup)[:400]}")
            else:
                fixed = apply_fix(MINE, fixes[0])
                if fixed != MINE_FIXED:
                    failures.append(f"the duplicate note's fix gives:\n{fixed}")
                with open(os.path.join(tmp, "mine.md"), "w", encoding="utf-8") as f:
                    f.write(fixed)
                again = subprocess.run([binary, "check", "--format", "json", "mine.md"], cwd=tmp, capture_output=True,
                                       text=True)
                left = [d["rule"] for d in json.loads(again.stdout)["diagnostics"]]
                if again.returncode != 0 or left:
                    failures.append(f"after the fix, exit {again.returncode} with {left}")
        if based:
            states = sorted((r["ruleId"], r["baselineState"]) for r in based["runs"][0]["results"])
            expected = sorted([("sources.anonymous", "unchanged"), ("notes.dangling-marker", "unchanged"),
                               ("notes.dangling-marker", "absent"), ("sources.anonymous", "new"),
                               ("notes.dangling-marker", "new")])
            if states != expected:
                failures.append(f"baseline states {states}, expected {expected}")
    for f in failures:
        print("FAIL", f)
    print(f"sarif_test: {len(cases)} SARIF logs validated, {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
