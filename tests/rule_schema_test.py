#!/usr/bin/python3
"""Every shipped rule file validates against rules/schema/rule.schema.json,
and files the loader rejects are rejected by the schema too."""
import json
import pathlib
import sys

import jsonschema
import yaml

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "rules/schema/rule.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)

failures = 0
files = sorted(p for p in (root / "rules").rglob("*.yaml") if p.parent.name not in ("lexicons", "schema"))
for path in files:
    errors = list(validator.iter_errors(yaml.safe_load(path.read_text())))
    for e in errors:
        failures += 1
        print(f"FAIL {path.relative_to(root)}: {e.message} at {list(e.absolute_path)}")

broken = [
    {"id": "house.x", "kind": "pattern", "message": "m", "description": "d", "patterns": ["x"], "severityy": "error"},
    {"id": "house.x", "kind": "pattern", "message": "m", "description": "d"},
    {"id": "house.x", "kind": "lexicon", "message": "m", "description": "d", "lexicon": "w", "unless": [{"inside": "table"}]},
    {"id": "house.x", "kind": "pattern", "message": "m", "description": "d", "patterns": ["x"], "ignorecase": "sometimes"},
    {"id": "NoPack", "kind": "builtin"},
]
for doc in broken:
    if validator.is_valid(doc):
        failures += 1
        print(f"FAIL the schema accepts a broken rule: {doc}")

print(f"{len(files)} rule files and {len(broken)} broken examples checked")
print(f"{len(files) + len(broken) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
