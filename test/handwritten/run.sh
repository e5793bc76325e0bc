#!/usr/bin/env bash
# Hand-written documents corpus runner.
#
#   test/handwritten/run.sh [FILTER]
#
# For every document docs/NNN-what.json (sorted; only those whose name
# contains FILTER when given):
#   1. re-create database vb_hand (from a template that has the extension);
#   2. apply docs/NNN-what.current.sql if it exists (the starting database);
#   3. viborm.push(doc, options) must succeed; options are
#      docs/NNN-what.options.json if it exists, else {};
#      if docs/NNN-what.plan exists, the first push's operations, one
#      "kind schema.table.object" line each, sorted, must equal it (an empty
#      file means: the push plans nothing);
#   4. viborm.diff(doc, options) must have no operation;
#   5. pushing the document again must return no operation and
#      "applied": false;
#   6. S := the schemas the document manages (options, then the document's
#      "schemas", then those its tables and enums name, then public);
#      viborm.diff(viborm.introspect(S)) must have no operation;
#   7. docs/NNN-what.verify.sql, if it exists: every value it returns must be t.
# Prints "ok NAME" or "FAILED NAME: STEP: REASON" per document, then
# "N passed, N failed"; exits 1 if any document failed.
#
# Connection: libpq environment (PGHOST, PGPORT, PGUSER...), superuser. The
# maintenance connections go to database "postgres" (VB_HAND_ADMIN_DB).
# VB_HAND_KEEP=1 leaves the database of the last document behind.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
docs_dir=$here/docs
filter=${1:-}
admin_db=${VB_HAND_ADMIN_DB:-postgres}
db=vb_hand
template_db=vb_hand_template

work=$(mktemp -d "${TMPDIR:-/tmp}/viborm-handwritten.XXXXXX")

psql_base=(psql -X -q -v ON_ERROR_STOP=1)

# psql with unaligned, tuples-only output: for queries whose value we read.
q() {
	local d=$1
	shift
	"${psql_base[@]}" -A -t -d "$d" "$@"
}

drop_database() {
	"${psql_base[@]}" -d "$admin_db" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || true
}

cleanup() {
	if [ "${VB_HAND_KEEP:-0}" != 1 ]; then
		drop_database $db
	fi
	drop_database $template_db
	rm -rf "$work"
}
trap cleanup EXIT

# First few lines of a file, folded onto one line, for a FAILED message.
summary() {
	{ grep -v '^[[:space:]]*$' "$1" || true; } | head -n "${2:-3}" |
		sed -e 's/^psql:[^ ]*: //' | tr '\n' ' ' | sed -e 's/ *$//'
}

# Indented excerpt of a file, shown under a FAILED line.
excerpt() {
	head -n "${2:-40}" "$1" | sed -e 's/^/    /'
}

# One template database with the extension: CREATE DATABASE ... TEMPLATE is
# much faster than CREATE EXTENSION in every database.
drop_database $template_db
if ! "${psql_base[@]}" -d "$admin_db" -c "CREATE DATABASE $template_db" >"$work/out" 2>"$work/err" ||
	! "${psql_base[@]}" -d "$template_db" -c 'CREATE EXTENSION viborm' >"$work/out" 2>>"$work/err"; then
	echo "cannot create the template database: $(summary "$work/err")" >&2
	exit 1
fi

# Operations of a result held in file $1, one "kind schema.table.object" line
# each, sorted.
operations_of() {
	q "$db" <<-EOF
		\\set result \`cat $1\`
		SELECT line FROM (
		  SELECT format('%s %s.%s.%s', o->>'kind', o->>'schema', o->>'table', o->>'object') AS line
		  FROM jsonb_array_elements(:'result'::jsonb->'operations') o) s
		ORDER BY line COLLATE "C";
	EOF
}

# Runs one document; on failure sets $fail_step and $fail_reason (and maybe
# $fail_detail, a file to show) and returns 1.
run_doc() {
	local doc=$1 base=${1%.json}

	fail_step=setup
	drop_database $db
	if ! "${psql_base[@]}" -d "$admin_db" -c "CREATE DATABASE $db TEMPLATE $template_db" \
		>"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi

	fail_step=apply-current
	if [ -f "$base.current.sql" ] &&
		! "${psql_base[@]}" -d "$db" -f "$base.current.sql" >"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi

	if [ -f "$base.options.json" ]; then
		cp "$base.options.json" "$work/options"
	else
		echo '{}' >"$work/options"
	fi
	# psql reads large values from files through backticks; the paths under
	# $work contain no shell metacharacters.
	cp "$doc" "$work/doc"
	local load="\\set doc \`cat $work/doc\`
\\set options \`cat $work/options\`"

	fail_step=push
	if ! q "$db" >"$work/push1" 2>"$work/err" <<-EOF; then
		$load
		SELECT viborm.push(:'doc'::jsonb, :'options'::jsonb);
	EOF
		fail_reason=$(summary "$work/err" 8)
		return 1
	fi
	if [ -f "$base.plan" ]; then
		if ! operations_of "$work/push1" >"$work/plan" 2>"$work/err"; then
			fail_reason=$(summary "$work/err")
			return 1
		fi
		if ! diff -u --label "expected ($(basename "$base.plan"))" --label "planned" \
			<(grep -v '^[[:space:]]*\(#.*\)\?$' "$base.plan" | LC_ALL=C sort) "$work/plan" >"$work/plan_diff"; then
			fail_reason="the first push planned other operations than $(basename "$base.plan")"
			fail_detail=$work/plan_diff
			return 1
		fi
	fi

	fail_step=diff
	if ! q "$db" >"$work/diff" 2>"$work/err" <<-EOF; then
		$load
		SELECT viborm.diff(:'doc'::jsonb, :'options'::jsonb);
	EOF
		fail_reason=$(summary "$work/err" 8)
		return 1
	fi
	operations_of "$work/diff" >"$work/ops" 2>"$work/err" || true
	if [ -s "$work/ops" ] || [ -s "$work/err" ]; then
		fail_reason="diff after the push has $(wc -l <"$work/ops") operation(s)"
		q "$db" >"$work/ops" 2>&1 <<-EOF || true
			\\set result \`cat $work/diff\`
			SELECT jsonb_pretty(:'result'::jsonb->'operations');
		EOF
		fail_detail=$work/ops
		return 1
	fi

	fail_step=push-again
	if ! q "$db" >"$work/push2" 2>"$work/err" <<-EOF; then
		$load
		SELECT viborm.push(:'doc'::jsonb, :'options'::jsonb);
	EOF
		fail_reason=$(summary "$work/err" 8)
		return 1
	fi
	if ! q "$db" >"$work/out" 2>"$work/err" <<-EOF; then
		\\set result \`cat $work/push2\`
		SELECT format('%s operation(s), applied=%s',
		              jsonb_array_length(r->'operations'), coalesce(r->>'applied', '(missing)'))
		FROM (SELECT :'result'::jsonb AS r) s;
	EOF
		fail_reason=$(summary "$work/err")
		return 1
	fi
	if [ "$(cat "$work/out")" != "0 operation(s), applied=false" ]; then
		q "$db" >"$work/ops" 2>&1 <<-EOF || true
			\\set result \`cat $work/push2\`
			SELECT jsonb_pretty(:'result'::jsonb->'operations');
		EOF
		fail_reason="second push: $(cat "$work/out")"
		fail_detail=$work/ops
		return 1
	fi

	fail_step=self-diff
	if ! q "$db" >"$work/schemas" 2>"$work/err" <<-EOF; then
		$load
		SELECT coalesce(
		    :'options'::jsonb->'schemas',
		    :'doc'::jsonb->'schemas',
		    (SELECT jsonb_agg(DISTINCT s)
		     FROM (SELECT coalesce(t->>'schema', 'public') AS s
		           FROM jsonb_array_elements(:'doc'::jsonb->'tables') t
		           UNION ALL
		           SELECT coalesce(e->>'schema', 'public')
		           FROM jsonb_array_elements(coalesce(:'doc'::jsonb->'enums', '[]')) e) x),
		    '["public"]');
	EOF
		fail_reason=$(summary "$work/err" 8)
		return 1
	fi
	local set_schemas="\\set schemas \`cat $work/schemas\`"
	local self_diff="viborm.diff(viborm.introspect(ARRAY(SELECT jsonb_array_elements_text(:'schemas'::jsonb))), '{}')"
	if ! q "$db" >"$work/out" 2>"$work/err" <<-EOF; then
		$set_schemas
		SELECT $self_diff->'operations';
	EOF
		fail_reason=$(summary "$work/err" 8)
		return 1
	fi
	if [ "$(cat "$work/out")" != "[]" ]; then
		fail_reason="diff of the database's own introspection has operations"
		q "$db" >"$work/ops" 2>&1 <<-EOF || true
			$set_schemas
			SELECT jsonb_pretty($self_diff->'operations');
		EOF
		fail_detail=$work/ops
		return 1
	fi

	fail_step=verify
	if [ -f "$base.verify.sql" ]; then
		if ! q "$db" -f "$base.verify.sql" >"$work/verify" 2>"$work/err"; then
			fail_reason=$(summary "$work/err")
			return 1
		fi
		if [ ! -s "$work/verify" ]; then
			fail_reason="verify.sql returned no rows"
			return 1
		fi
		if grep -qvx 't' "$work/verify"; then
			fail_reason="verify.sql returned a value other than t (query $(grep -nvx 't' "$work/verify" | head -n 1 | cut -d: -f1) of $(wc -l <"$work/verify"))"
			return 1
		fi
	fi
	return 0
}

passed=0
failed=0
shopt -s nullglob
for doc in "$docs_dir"/*.json; do
	name=$(basename "$doc" .json)
	case $name in
	*.options) continue ;;
	esac
	if [ -n "$filter" ] && [[ $name != *"$filter"* ]]; then
		continue
	fi
	fail_step=
	fail_reason=
	fail_detail=
	if run_doc "$doc"; then
		echo "ok $name"
		passed=$((passed + 1))
	else
		echo "FAILED $name: $fail_step: $fail_reason"
		if [ -n "$fail_detail" ] && [ -s "$fail_detail" ]; then
			excerpt "$fail_detail"
		fi
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
