#!/usr/bin/env bash
# The MySQL reading side's integration tests, against the private MariaDB
# server that test/run started (VIBORM_TEST_MYSQL_SOCKET / VIBORM_TEST_MYSQL_PORT):
#   1. test/mysql/introspect_test: each test/mysql/introspect/NAME.sql run in
#      a fresh database, introspected, compared with NAME.json, read back and
#      written again byte-identical, and NAME.doc.json (a hand-written
#      document) brought to canonical form equal to it;
#   2. the same under valgrind (the fetching layer on libmysqlclient, with
#      no definite leak and no memory error), counted as one test;
#   3. every expected document is valid against docs/snapshot.schema.json.
# The last line is "N passed, N failed". Arguments go to the test program
# (--only=NAME, --update to rewrite the expected documents).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
if ! make -s test/mysql/introspect_test; then
	echo "0 passed, 1 failed"
	exit 1
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
test/mysql/introspect_test "$@" | tee "$out"
read -r p _ f _ < <(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -n 1 || echo "0 passed 1 failed")

# 2. under valgrind
if [ $# -eq 0 ] && command -v valgrind >/dev/null 2>&1; then
	if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		test/mysql/introspect_test >"$out" 2>&1; then
		echo "ok - introspect_test under valgrind"
		p=$((p + 1))
	else
		tail -n 40 "$out"
		echo "not ok - introspect_test under valgrind"
		f=$((f + 1))
	fi
fi

# 3. the JSON Schema of the document holds the MySQL documents
for doc in test/mysql/introspect/*.json; do
	if python3 - docs/snapshot.schema.json "$doc" <<'PY'; then
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
for e in errors[:3]:
    print("#", "/".join(map(str, e.absolute_path)), e.message[:300])
sys.exit(1 if errors else 0)
PY
		echo "ok - schema: $doc"
		p=$((p + 1))
	else
		echo "not ok - schema: $doc"
		f=$((f + 1))
	fi
done
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
