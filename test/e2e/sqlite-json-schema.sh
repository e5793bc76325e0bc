#!/usr/bin/env bash
# docs/snapshot.schema.json and SQLite documents, checked with Python's
# jsonschema module (Debian package python3-jsonschema):
#   a. every document the SQLite introspection tests expect
#      (test/sqlite/introspect/*.json, "document") is valid, except those
#      with names over 63 characters (the schema keeps PostgreSQL's limit,
#      which SQLite does not have; docs/sqlite.md);
#   b. documents with one SQLite-specific defect each are invalid, each at
#      the expected JSON path. The reader's answers for the same documents
#      are pinned by test/unit/test_sqlite_schema.c.
# Exit status 0 when every check passed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

PY=
for candidate in python3 /usr/bin/python3; do
	if command -v "$candidate" >/dev/null 2>&1 &&
		"$candidate" -c 'import jsonschema' >/dev/null 2>&1; then
		PY=$candidate
		break
	fi
done
if [ -z "$PY" ]; then
	echo "sqlite-json-schema.sh: Python's jsonschema module is missing; apt-get install python3-jsonschema (test/setup-deps does)" >&2
	exit 1
fi

"$PY" - docs/snapshot.schema.json test/sqlite/introspect/*.json <<'PY'
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0


def report(ok, what, why=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok      " + what)
    else:
        failed += 1
        print("FAILED  " + what + (": " + why if why else ""))


def path_text(parts):
    out = ""
    for p in parts:
        out += "[%d]" % p if isinstance(p, int) else ("." if out else "") + p
    return out


def names(doc):
    for t in doc["tables"]:
        yield t["name"]
        for c in t["columns"]:
            yield c["name"]


for f in sys.argv[2:]:
    doc = json.load(open(f))["document"]
    errors = list(validator.iter_errors(doc))
    if any(len(n) > 63 for n in names(doc)):
        report(errors and all("is too long" in e.message for e in errors),
               f + " (names over 63 characters: refused by the schema only)")
    else:
        report(not errors, f, "; ".join(e.message for e in errors[:3]))

COLUMN = {"name": "a", "type": "INT"}
invalid = [
    ("enums on SQLite", {"dialect": "sqlite", "tables": [], "enums": [{"name": "e", "values": ["x"]}]}, "enums"),
    ("schemas on SQLite", {"dialect": "sqlite", "schemas": ["main"], "tables": []}, "schemas"),
    ("another schema on SQLite", {"dialect": "sqlite", "tables": [{"name": "t", "schema": "public", "columns": []}]},
     "tables[0].schema"),
    ("strict on PostgreSQL", {"dialect": "pg", "tables": [{"name": "t", "strict": True, "columns": []}]},
     "tables[0].strict"),
    ("withoutRowid on MySQL", {"dialect": "mysql", "tables": [{"name": "t", "withoutRowid": True, "columns": []}]},
     "tables[0].withoutRowid"),
    ("a virtual generated column on PostgreSQL",
     {"dialect": "pg", "tables": [{"name": "t", "columns": [dict(COLUMN, generated="1", generatedStorage="virtual")]}]},
     "tables[0].columns[0].generatedStorage"),
    ("generatedStorage without generated",
     {"dialect": "sqlite", "tables": [{"name": "t", "columns": [dict(COLUMN, generatedStorage="virtual")]}]},
     "tables[0].columns[0]"),
    ("generatedStorage not stored or virtual",
     {"dialect": "sqlite", "tables": [{"name": "t", "columns": [dict(COLUMN, generated="1", generatedStorage="memory")]}]},
     "tables[0].columns[0].generatedStorage"),
    ("strict not a boolean", {"dialect": "sqlite", "tables": [{"name": "t", "strict": "yes", "columns": []}]},
     "tables[0].strict"),
    ("an untyped column outside SQLite", {"tables": [{"name": "t", "columns": [{"name": "a", "type": ""}]}]},
     "tables[0].columns[0].type"),
]
for what, doc, path in invalid:
    errors = list(validator.iter_errors(doc))
    paths = set()
    for e in errors:
        paths.add(path_text(e.absolute_path))
        for sub in e.context or []:
            paths.add(path_text(sub.absolute_path))
    report(path in paths, "invalid: " + what, "errors at " + ", ".join(sorted(paths)) if paths else "accepted")

valid = [
    ("an untyped SQLite column", {"dialect": "sqlite", "tables": [{"name": "t", "columns": [{"name": "a", "type": ""}]}]}),
    ("every SQLite key", {"dialect": "sqlite", "tables": [{"name": "t", "schema": "main", "strict": True,
                          "withoutRowid": False, "columns": [dict(COLUMN, generated="1", generatedStorage="stored")]}],
                          "enums": []}),
]
for what, doc in valid:
    errors = list(validator.iter_errors(doc))
    report(not errors, "valid: " + what, "; ".join(e.message for e in errors[:3]))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
