#!/usr/bin/env bash
# Convergence corpus runner.
#
#   test/corpus/run.sh [FILTER]
#
# For every pair directory under test/corpus/pairs/ (sorted; only those whose
# name contains FILTER when given):
#   1. re-create databases vb_cur and vb_des, CREATE EXTENSION viborm in both;
#   2. apply current.sql to vb_cur and desired.sql to vb_des;
#   3. S := the non-system schemas of either database; D := viborm.introspect(S)
#      on vb_des; viborm.diff(viborm.introspect(S)) must be empty on both;
#   4. viborm.push(D, options) on vb_cur, options = options.json (default
#      {"force": true}) plus {"schemas": S};
#   5. the catalog fingerprint (fingerprint.sql, pg_catalog only) of both
#      databases must be equal;
#   6. verify.sql, if present, on vb_cur: every value it returns must be t;
#   7. pushing D again must plan nothing and apply nothing;
#   8. versioned migrations (unless VB_CORPUS_MIGRATE=0): a migration
#      generated as `viborm migrate generate --dev-url` does (vb_des as the
#      dev database: the managed schemas dropped, the current schema's
#      snapshot pushed and D planned, inside a transaction rolled back) and applied with
#      viborm.migrate_apply to a copy of vb_cur made before the push gives
#      the desired fingerprint, and migrate_status reports no drift; then,
#      when the down file (planned as generate does: from the new schema back
#      to the snapshot, the settled renames reversed) carries no -- WARNING:
#      line, viborm.migrate_down on the copy gives back the current
#      fingerprint (pairs whose down file has warnings say so on their line).
# Prints "ok NAME" or "FAILED NAME: STEP: REASON" per pair, then
# "N passed, N failed"; exits 1 if any pair failed.
#
# Connection: libpq environment (PGHOST, PGPORT, PGUSER...), superuser. The
# maintenance connections go to database "postgres" (VB_CORPUS_ADMIN_DB).
# VB_CORPUS_KEEP=1 leaves the two databases of the last pair behind.
# VB_CORPUS_JOBS=N (default 1) runs the pairs in N parallel workers, each with
# its own two databases (vb_cur_K, vb_des_K); the report lists the pairs
# worker by worker, then the summed "N passed, N failed".
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pairs_dir=$here/pairs
fingerprint_sql=$here/fingerprint.sql
filter=${1:-}
admin_db=${VB_CORPUS_ADMIN_DB:-postgres}
cur_db=vb_cur${VB_CORPUS_WORKER:+_$VB_CORPUS_WORKER}
des_db=vb_des${VB_CORPUS_WORKER:+_$VB_CORPUS_WORKER}
mig_db=vb_mig${VB_CORPUS_WORKER:+_$VB_CORPUS_WORKER}
jobs=${VB_CORPUS_JOBS:-1}

# Parallel: N workers, worker K taking every pair whose position is K mod N;
# their reports follow one another and the counts are added up.
if [ "$jobs" -gt 1 ] && [ -z "${VB_CORPUS_WORKER:-}" ]; then
	outdir=$(mktemp -d "${TMPDIR:-/tmp}/viborm-corpus-jobs.XXXXXX")
	pids=()
	for ((k = 0; k < jobs; k++)); do
		VB_CORPUS_WORKER=$k "${BASH_SOURCE[0]}" "$filter" >"$outdir/$k.out" 2>&1 &
		pids+=($!)
	done
	for pid in "${pids[@]}"; do
		wait "$pid" || true
	done
	cat "$outdir"/*.out | grep -v -E '^[0-9]+ passed, [0-9]+ failed$' || true
	total_passed=0
	total_failed=0
	for ((k = 0; k < jobs; k++)); do
		read -r p _ f _ < <(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$outdir/$k.out" | tail -n 1 || echo "0 passed, 1 failed")
		total_passed=$((total_passed + p))
		total_failed=$((total_failed + f))
	done
	rm -rf "$outdir"
	echo "$total_passed passed, $total_failed failed"
	[ "$total_failed" -eq 0 ]
	exit
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/viborm-corpus.XXXXXX")

psql_base=(psql -X -q -v ON_ERROR_STOP=1)

# psql with unaligned, tuples-only output: for queries whose value we read.
q() {
	local db=$1
	shift
	"${psql_base[@]}" -A -t -d "$db" "$@"
}

drop_databases() {
	"${psql_base[@]}" -d "$admin_db" \
		-c "DROP DATABASE IF EXISTS $cur_db WITH (FORCE)" \
		-c "DROP DATABASE IF EXISTS $des_db WITH (FORCE)" \
		-c "DROP DATABASE IF EXISTS $mig_db WITH (FORCE)" >/dev/null 2>&1 || true
}

cleanup() {
	if [ "${VB_CORPUS_KEEP:-0}" != 1 ]; then
		drop_databases
	fi
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

# Runs one pair; on failure sets $fail_step and $fail_reason and returns 1.
run_pair() {
	local dir=$1 opts_file rc

	fail_step=setup
	drop_databases
	if ! "${psql_base[@]}" -d "$admin_db" -c "CREATE DATABASE $cur_db" -c "CREATE DATABASE $des_db" \
		>"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	for db in $cur_db $des_db; do
		if ! "${psql_base[@]}" -d "$db" -c 'CREATE EXTENSION viborm' >"$work/out" 2>"$work/err"; then
			fail_reason="CREATE EXTENSION viborm in $db: $(summary "$work/err")"
			return 1
		fi
	done

	fail_step=apply-current
	if ! "${psql_base[@]}" -d "$cur_db" -f "$dir/current.sql" >"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	fail_step=apply-desired
	if ! "${psql_base[@]}" -d "$des_db" -f "$dir/desired.sql" >"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi

	# The managed schemas: every non-system schema of either database, as a
	# JSON array (names travel as JSON, never through the shell unquoted).
	fail_step=schemas
	local schema_query="SELECT coalesce(jsonb_agg(nspname ORDER BY nspname COLLATE \"C\"), '[]')
		FROM (SELECT nspname FROM pg_namespace
		      WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'viborm')
		        AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'
		      UNION SELECT jsonb_array_elements_text(:'other'::jsonb)) s"
	if ! q "$cur_db" -v other='[]' <<<"$schema_query" >"$work/cur_schemas" 2>"$work/err" ||
		! q "$des_db" -v other="$(cat "$work/cur_schemas")" <<<"$schema_query" >"$work/schemas" 2>>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi

	# psql reads large values from files through backticks; the paths under
	# $work contain no shell metacharacters.
	local load="\\set schemas \`cat $work/schemas\`"
	local schemas_array="ARRAY(SELECT jsonb_array_elements_text(:'schemas'::jsonb))"

	fail_step=introspect
	if ! q "$des_db" >"$work/D" 2>"$work/err" <<-EOF; then
		$load
		SELECT viborm.introspect($schemas_array);
	EOF
		fail_reason=$(summary "$work/err")
		return 1
	fi
	if [ ! -s "$work/D" ]; then
		fail_reason="viborm.introspect returned nothing"
		return 1
	fi

	fail_step=self-diff
	for db in $des_db $cur_db; do
		if ! q "$db" >"$work/out" 2>"$work/err" <<-EOF; then
			$load
			SELECT jsonb_array_length(viborm.diff(viborm.introspect($schemas_array), '{}')->'operations');
		EOF
			fail_reason="$db: $(summary "$work/err")"
			return 1
		fi
		if [ "$(cat "$work/out")" != 0 ]; then
			q "$db" >"$work/ops" 2>&1 <<-EOF || true
				$load
				SELECT jsonb_pretty(viborm.diff(viborm.introspect($schemas_array), '{}')->'operations');
			EOF
			fail_reason="diff of $db's own introspection has $(cat "$work/out") operation(s)"
			fail_detail=$work/ops
			return 1
		fi
	done

	opts_file=$dir/options.json
	if [ -f "$opts_file" ]; then
		cp "$opts_file" "$work/options"
	else
		echo '{"force": true}' >"$work/options"
	fi
	local push_sql="
		$load
		\\set D \`cat $work/D\`
		\\set options \`cat $work/options\`
		SELECT viborm.push(:'D'::jsonb, :'options'::jsonb || jsonb_build_object('schemas', :'schemas'::jsonb));"

	if [ "${VB_CORPUS_MIGRATE:-1}" = 1 ] && ! generate_migration; then
		return 1
	fi

	fail_step=push
	if ! q "$cur_db" >"$work/push1" 2>"$work/err" <<<"$push_sql"; then
		fail_reason=$(summary "$work/err" 6)
		return 1
	fi

	fail_step=fingerprint
	if ! q "$cur_db" -v schemas="$(cat "$work/schemas")" -f "$fingerprint_sql" >"$work/fp_cur" 2>"$work/err" ||
		! q "$des_db" -v schemas="$(cat "$work/schemas")" -f "$fingerprint_sql" >"$work/fp_des" 2>>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	if ! diff -u --label "desired ($des_db)" --label "migrated ($cur_db)" \
		"$work/fp_des" "$work/fp_cur" >"$work/fp_diff"; then
		fail_reason="catalogs differ ($(grep -c '^[-+][^-+]' "$work/fp_diff") line(s))"
		fail_detail=$work/fp_diff
		return 1
	fi

	fail_step=verify
	if [ -f "$dir/verify.sql" ]; then
		if ! q "$cur_db" -f "$dir/verify.sql" >"$work/verify" 2>"$work/err"; then
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

	if [ "${VB_CORPUS_MIGRATE:-1}" = 1 ] && ! apply_migration; then
		return 1
	fi

	fail_step=push-again
	if ! q "$cur_db" >"$work/push2" 2>"$work/err" <<<"$push_sql"; then
		fail_reason=$(summary "$work/err" 6)
		return 1
	fi
	if ! q "$cur_db" >"$work/out" 2>"$work/err" <<-EOF; then
		\\set result \`cat $work/push2\`
		SELECT format('%s operation(s), applied=%s',
		              jsonb_array_length(r->'operations'), coalesce(r->>'applied', '(missing)'))
		FROM (SELECT :'result'::jsonb AS r) s;
	EOF
		fail_reason=$(summary "$work/err")
		return 1
	fi
	if [ "$(cat "$work/out")" != "0 operation(s), applied=false" ]; then
		q "$cur_db" >"$work/ops" 2>&1 <<-EOF || true
			\\set result \`cat $work/push2\`
			SELECT jsonb_pretty(:'result'::jsonb->'operations');
		EOF
		fail_reason="second push: $(cat "$work/out")"
		fail_detail=$work/ops
		return 1
	fi
	return 0
}

# Step 8, first half (before the push): copy vb_cur, and plan the migration
# from vb_cur's snapshot to D in vb_des inside a rolled-back transaction;
# then, as generate does, push D there and plan the way back to the snapshot
# (the down file).
generate_migration() {
	fail_step=migrate-generate
	if ! "${psql_base[@]}" -d "$admin_db" -c "CREATE DATABASE $mig_db TEMPLATE $cur_db" \
		>"$work/out" 2>"$work/err" ||
		! q "$cur_db" >"$work/S" 2>"$work/err" <<-EOF; then
		$load
		SELECT viborm.introspect($schemas_array);
	EOF
		fail_reason=$(summary "$work/err")
		return 1
	fi
	if ! q "$cur_db" -v schemas="$(cat "$work/schemas")" -f "$fingerprint_sql" >"$work/fp_before" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	if ! settled_resolutions; then
		return 1
	fi
	if ! q "$des_db" >"$work/up" 2>"$work/err" <<-EOF; then
		$load
		\set S \`cat $work/S\`
		\set D \`cat $work/D\`
		\set options \`cat $work/options\`
		\set down_options \`cat $work/down_options\`
		BEGIN;
		\o /dev/null
		SELECT format('DROP SCHEMA IF EXISTS %I CASCADE', n)
		FROM jsonb_array_elements_text(:'schemas'::jsonb) n \gexec
		SELECT viborm.push(:'S'::jsonb, jsonb_build_object('force', true,
		  'resolutions', 'addAndDrop'));
		\o $work/up_plan
		SELECT viborm.diff(:'D'::jsonb,
		  :'options'::jsonb || jsonb_build_object('schemas', :'schemas'::jsonb));
		\o /dev/null
		SELECT viborm.push(:'D'::jsonb,
		  :'options'::jsonb || jsonb_build_object('schemas', :'schemas'::jsonb));
		\o $work/down_plan
		SELECT viborm.diff(:'S'::jsonb, :'down_options'::jsonb);
		\o
		ROLLBACK;
		\set up_plan \`cat $work/up_plan\`
		SELECT coalesce(string_agg(s, E';\n--> statement-breakpoint\n'), '')
		FROM jsonb_array_elements_text(:'up_plan'::jsonb->'sql') s;
	EOF
		fail_reason=$(summary "$work/err" 6)
		return 1
	fi
	if ! down_text >"$work/down" 2>"$work/err"; then
		fail_reason="the down file: $(summary "$work/err")"
		return 1
	fi
	if ! q "$des_db" -v schemas="$(cat "$work/schemas")" -f "$fingerprint_sql" >"$work/fp_des_after" 2>"$work/err" ||
		! q "$des_db" -v schemas="$(cat "$work/schemas")" -f "$fingerprint_sql" >/dev/null 2>&1; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
}

# The "resolutions" entries the options settle, as `viborm migrate
# generate` settles them (questions.c, request.c): an array is taken as it
# is; "rename" or "addAndDrop" (--resolve) settles the pairs the plan lists
# as ambiguous, round after round ("rename": only the pairs whose two sides
# have no other candidate). Read-only diffs on vb_cur, which its snapshot
# describes. Writes $work/down_options: {"force": true}, the managed
# schemas of both sides (what the up file made in a new schema goes again)
# and the entries reversed (from and to swapped; a column's table is the
# document's, so named as in the snapshot: through the reversed table
# renames).
settled_resolutions() {
	local how round
	how=$(jq -r '.resolutions | if type == "string" then . else "" end' "$work/options")
	jq -c '.resolutions | if type == "array" then . else [] end' "$work/options" >"$work/entries"
	if [ -n "$how" ]; then
		for ((round = 0; round < 20; round++)); do
			if ! q "$cur_db" >"$work/settle" 2>"$work/err" <<-EOF; then
				$load
				\set D \`cat $work/D\`
				\set options \`cat $work/options\`
				\set entries \`cat $work/entries\`
				SELECT viborm.diff(:'D'::jsonb, (:'options'::jsonb - 'resolutions')
				  || jsonb_build_object('schemas', :'schemas'::jsonb, 'resolutions', :'entries'::jsonb))->'ambiguous';
			EOF
				fail_reason="settling the rename pairs: $(summary "$work/err")"
				return 1
			fi
			jq -c --arg how "$how" --slurpfile e "$work/entries" '
				. as $a
				| def count($p; $side): [$a[] | select(.kind == $p.kind and .schema == $p.schema
				    and .table == $p.table and .enum == $p.enum and .[$side] == $p[$side])] | length;
				[$a[] | select($how != "rename" or (count(.; "from") == 1 and count(.; "to") == 1))
				 | . + {resolution: $how}] as $new
				| if ($new | length) == 0 then empty else $e[0] + $new end' \
				"$work/settle" >"$work/entries_next"
			[ -s "$work/entries_next" ] || break
			mv "$work/entries_next" "$work/entries"
		done
	fi
	jq -c --slurpfile schemas "$work/schemas" '
		([.[] | select(.kind == "table" and .resolution == "rename")
		  | {key: "\(.schema).\(.to)", value: .from}] | from_entries) as $tables
		| [.[] | {kind, schema, table, enum, from: .to, to: .from, resolution}
		   | if .kind == "column" then .table = ($tables["\(.schema).\(.table)"] // .table) else . end
		   | with_entries(select(.value != null))]
		| {force: true, schemas: $schemas[0]} + (if length > 0 then {resolutions: .} else {} end)' \
		"$work/entries" >"$work/down_options"
}

# The down file as generate writes it: -- WARNING: lines for the up plan's
# destructive steps, the down plan's ambiguous pairs, the enum values it
# removes (those of D that S lacks, unless renamed back: no mapping back)
# and its destructive steps, then its statements.
down_text() {
	jq -r --slurpfile S "$work/S" --slurpfile E "$work/entries" '
		(.enums // [])[] as $e
		| ($e.schema // "public") as $schema
		| ($S[0].enums // [])[] | select(.name == $e.name and (.schema // "public") == $schema)
		| [.values[] | if type == "string" then . else .name end] as $have
		| $e.values[] | (if type == "string" then . else .name end) as $v
		| select(($have | any(. == $v)) | not)
		| select([$E[0][] | select(.kind == "enumValue" and .resolution == "rename" and .schema == $schema
		    and .enum == $e.name and .to == $v)] | length == 0)
		| "-- WARNING: enum \($schema).\($e.name) loses value \($v); rows holding it make the down fail"' \
		"$work/D" || return 1
	jq -r --slurpfile up "$work/up_plan" '
		([$up[0].operations[] | select(.destructive)
		  | "-- WARNING: the up migration'"'"'s \(.kind) \(.object) lost data"]
		 + [.ambiguous[] | "-- WARNING: \(.kind) \(.from) -> \(.to) is planned as a drop and an add"]
		 + [.operations[] | select(.destructive) | "-- WARNING: \(.kind) \(.object) loses data"]
		 | .[]),
		([.sql[] | "\(.);"] | join("\n--> statement-breakpoint\n"))' "$work/down_plan"
}

# Step 8, second half (after the push): apply the migration to the copy.
apply_migration() {
	fail_step=migrate-dev-unchanged
	if ! cmp -s "$work/fp_des" "$work/fp_des_after"; then
		diff -u "$work/fp_des" "$work/fp_des_after" >"$work/fp_diff" || true
		fail_reason="generating the migration changed the dev database"
		fail_detail=$work/fp_diff
		return 1
	fi
	fail_step=migrate-apply
	if ! q "$mig_db" >"$work/out" 2>"$work/err" <<-EOF; then
		\set up \`cat $work/up\`
		\set down \`cat $work/down\`
		\set D \`cat $work/D\`
		SELECT viborm.migrate_apply(CASE WHEN :'up' = '' THEN '[]'::jsonb ELSE
		  jsonb_build_array(jsonb_build_object('version', '0000', 'name', 'change', 'sql', :'up',
		    'down', :'down', 'snapshot', :'D'::jsonb)) END)->'drift';
	EOF
		fail_reason=$(summary "$work/err" 6)
		cp "$work/up" "$work/detail"
		fail_detail=$work/detail
		return 1
	fi
	if ! same_catalog "$work/fp_des" desired migration "the migration did not give the desired catalog" \
		"the migration" "$work/up"; then
		return 1
	fi
	fail_step=migrate-drift
	if [ -s "$work/up" ] && [ "$(cat "$work/out")" != "null" ]; then
		fail_reason="migrate_apply reports drift: $(head -c 300 "$work/out")"
		return 1
	fi
	[ -n "$(cat "$work/up")" ] || return 0
	fail_step=migrate-down
	if grep -q -- '-- WARNING:' "$work/down"; then
		skipped="down not run: its file carries warnings"
		return 0
	fi
	if ! q "$mig_db" >"$work/out" 2>"$work/err" <<<"SELECT viborm.migrate_down()"; then
		fail_reason=$(summary "$work/err" 6)
		cp "$work/down" "$work/detail"
		fail_detail=$work/detail
		return 1
	fi
	same_catalog "$work/fp_before" before down "down did not give back the current catalog" \
		"the down migration" "$work/down"
}

# same_catalog EXPECTED LABEL GOT_LABEL REASON WHAT SQL: vb_mig's fingerprint
# equals the file EXPECTED; else REASON, with the difference and then WHAT
# (the file SQL) as the detail.
same_catalog() {
	if ! q "$mig_db" -v schemas="$(cat "$work/schemas")" -f "$fingerprint_sql" >"$work/fp_mig" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	if ! diff -u --label "$2" --label "$3" "$1" "$work/fp_mig" >"$work/fp_diff"; then
		fail_reason="$4 ($(grep -c '^[-+][^-+]' "$work/fp_diff") line(s))"
		{
			cat "$work/fp_diff"
			echo "--- $5:"
			cat "$6"
		} >"$work/detail"
		fail_detail=$work/detail
		return 1
	fi
}

passed=0
failed=0
shopt -s nullglob
position=-1
for dir in "$pairs_dir"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	if [ -n "$filter" ] && [[ $name != *"$filter"* ]]; then
		continue
	fi
	position=$((position + 1))
	if [ -n "${VB_CORPUS_WORKER:-}" ] && [ $((position % jobs)) -ne "$VB_CORPUS_WORKER" ]; then
		continue
	fi
	fail_step=
	fail_reason=
	fail_detail=
	skipped=
	if run_pair "$dir"; then
		echo "ok $name${skipped:+ ($skipped)}"
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
