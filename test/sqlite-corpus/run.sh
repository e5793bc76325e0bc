#!/usr/bin/env bash
# SQLite convergence corpus runner (see README.md).
#
#   test/sqlite-corpus/run.sh [FILTER]
#
# For every pair directory under test/sqlite-corpus/pairs/ (sorted; only
# those whose name contains FILTER when given), with the viborm command
# (VIBORM_BIN, default ./viborm; VIBORM_WRAPPER runs it under a tool):
#   1. build cur.db from current.sql and des.db from desired.sql with the
#      sqlite3 shell (a desired.json instead is pushed onto an empty des.db);
#   2. D := viborm pull des.db (or desired.json); each database's own pull
#      must diff empty against it;
#   3. viborm push D onto cur.db (--yes, --force unless options.json says
#      "force": false, plus its "args");
#   4. the catalog fingerprints of both files (fingerprint.py: sqlite_schema
#      and the pragmas, not viborm) must be equal, integrity_check ok and
#      foreign_key_check empty;
#   5. verify.sql, if present, on cur.db: every value it returns must be 1;
#   6. pushing D again must plan nothing and apply nothing; history lists
#      the push;
#   7. versioned migrations (unless VB_CORPUS_MIGRATE=0): on a copy of the
#      current file, a migration generated from its pulled snapshot to D
#      (viborm migrate generate, with the pair's --rename/--resolve flags)
#      and applied gives the same fingerprint as the push, status shows no
#      drift, and, when the down file carries no WARNING line, migrate down
#      gives back the current file's fingerprint. A migration is planned
#      from the snapshot, so this step needs a current file that its
#      snapshot describes exactly (pushed into an empty file it gives the
#      same fingerprint); a file with triggers, or with implicit constraint
#      names that a table rename would change, is not: the pair then says
#      why the step was skipped (a catalog that differs from the push's
#      must at least show as drift in migrate status; docs/migrations.md,
#      "What a snapshot cannot say").
# A pair whose options.json has "expectError": "VBnnn" instead expects the
# push to fail with that code and leave cur.db's fingerprint unchanged.
# Prints "ok NAME" or "FAILED NAME: STEP: REASON" per pair, then
# "N passed, N failed"; exits 1 if any pair failed.
# VB_CORPUS_JOBS=N runs the pairs in N parallel workers;
# VB_CORPUS_EVERY=N takes every Nth pair only (the first, the N+1th, ...:
# a sample for the runs under ASan/UBSan and valgrind);
# VB_CORPUS_KEEP=DIR copies the last pair's files there.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
pairs_dir=$here/pairs
fingerprint=$here/fingerprint.py
filter=${1:-}
jobs=${VB_CORPUS_JOBS:-1}
every=${VB_CORPUS_EVERY:-1}
BIN=${VIBORM_BIN:-$root/viborm}
read -r -a WRAP <<<"${VIBORM_WRAPPER:-}"

for tool in sqlite3 jq python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "run.sh: $tool is missing (test/setup-deps installs it)" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
done
if [ ! -x "$BIN" ]; then
	echo "run.sh: no executable $BIN (make viborm)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

# Parallel: N workers, worker K taking every pair whose position is K mod N.
if [ "$jobs" -gt 1 ] && [ -z "${VB_CORPUS_WORKER:-}" ]; then
	outdir=$(mktemp -d "${TMPDIR:-/tmp}/viborm-sqlite-corpus-jobs.XXXXXX")
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

work=$(mktemp -d "${TMPDIR:-/tmp}/viborm-sqlite-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset VIBORM_DATABASE_URL

# First lines of a file, folded onto one line, for a FAILED message.
summary() {
	{ grep -v '^[[:space:]]*$' "$1" || true; } | head -n "${2:-3}" | tr '\n' ' ' | sed -e 's/ *$//'
}

excerpt() {
	head -n "${2:-40}" "$1" | sed -e 's/^/    /'
}

# vb ARGS...: the viborm command; stdout in $work/out, stderr in $work/err.
vb() {
	local rc=0
	"${WRAP[@]}" "$BIN" "$@" >"$work/out" 2>"$work/err" </dev/null || rc=$?
	if grep -Eq '(AddressSanitizer|LeakSanitizer|runtime error:|^==[0-9]+== )' "$work/err"; then
		echo "sanitizer or valgrind report" >>"$work/err"
		return 99
	fi
	return "$rc"
}

# option KEY DEFAULT: a value of options.json (jq -c)
option() {
	jq -c --argjson d "$2" "if has(\"$1\") then .$1 else \$d end" "$work/options"
}

run_pair() {
	local dir=$1 rc args expect_error kinds
	local cur=$work/cur.db des=$work/des.db

	fail_step=setup
	rm -f "$work"/*.db "$work"/*.db-journal "$work"/*.json
	if [ -f "$dir/options.json" ]; then
		cp "$dir/options.json" "$work/options"
	else
		echo '{}' >"$work/options"
	fi
	args=()
	if [ "$(option force true)" = true ]; then
		args+=(--force)
	fi
	while IFS= read -r a; do
		args+=("$a")
	done < <(jq -r '.args // [] | .[]' "$work/options")
	expect_error=$(jq -r '.expectError // empty' "$work/options")
	kinds=$(jq -r '.expectKinds // empty | sort | join(",")' "$work/options")

	# a file with no statement is an empty database (sqlite3 writes none)
	: >"$cur"
	: >"$des"
	fail_step=apply-current
	if ! sqlite3 -bail "$cur" <"$dir/current.sql" >"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	fail_step=apply-desired
	if [ -f "$dir/desired.json" ]; then
		cp "$dir/desired.json" "$work/D.json"
		if ! vb push --url "$des" --schema "$work/D.json" --yes --force; then
			fail_reason="viborm push desired.json onto an empty file: $(summary "$work/err" 6)"
			return 1
		fi
	else
		if ! sqlite3 -bail "$des" <"$dir/desired.sql" >"$work/out" 2>"$work/err"; then
			fail_reason=$(summary "$work/err")
			return 1
		fi
		fail_step=pull
		if ! vb pull --url "$des" --out "$work/D.json"; then
			fail_reason=$(summary "$work/err" 6)
			return 1
		fi
	fi

	fail_step=self-diff
	for db in "$des" "$cur"; do
		if ! vb pull --url "$db" --out "$work/self.json" ||
			! vb diff --url "$db" --schema "$work/self.json" --exit-code; then
			cp "$work/out" "$work/ops"
			fail_reason="$(basename "$db"): its own pull does not diff empty: $(summary "$work/err" 4)"
			fail_detail=$work/ops
			return 1
		fi
	done

	fail_step=fingerprint-before
	if ! python3 "$fingerprint" "$cur" >"$work/fp_before" 2>"$work/err"; then
		fail_reason=$(summary "$work/err" 6)
		return 1
	fi

	cp "$cur" "$work/mig.db"

	fail_step=push
	rc=0
	vb push --url "$cur" --schema "$work/D.json" --yes --json "${args[@]}" || rc=$?
	cp "$work/out" "$work/push1"
	if [ -n "$expect_error" ]; then
		if [ "$rc" -ne 1 ] || ! grep -q "$expect_error" "$work/err"; then
			fail_reason="expected $expect_error (exit 1), got exit $rc: $(summary "$work/err" 4)"
			return 1
		fi
		fail_step=unchanged
		python3 "$fingerprint" "$cur" >"$work/fp_after" 2>"$work/err" || true
		if ! diff -u "$work/fp_before" "$work/fp_after" >"$work/fp_diff"; then
			fail_reason="the refused push changed the catalog"
			fail_detail=$work/fp_diff
			return 1
		fi
		if [ -f "$dir/verify.sql" ] && ! verify "$dir/verify.sql" "$cur"; then
			return 1
		fi
		return 0
	fi
	if [ "$rc" -ne 0 ]; then
		fail_reason="exit $rc: $(summary "$work/err" 6)"
		return 1
	fi
	if [ -n "$kinds" ] && [ "$(jq -r '[.operations[].kind] | sort | join(",")' "$work/push1")" != "$kinds" ]; then
		fail_reason="operations $(jq -r '[.operations[].kind] | sort | join(",")' "$work/push1"), expected $kinds"
		jq '.sql' "$work/push1" >"$work/ops"
		fail_detail=$work/ops
		return 1
	fi

	fail_step=fingerprint
	if ! python3 "$fingerprint" "$cur" >"$work/fp_cur" 2>"$work/err" ||
		! python3 "$fingerprint" "$des" >"$work/fp_des" 2>>"$work/err"; then
		fail_reason=$(summary "$work/err" 6)
		return 1
	fi
	if ! diff -u --label desired --label migrated "$work/fp_des" "$work/fp_cur" >"$work/fp_diff"; then
		fail_reason="catalogs differ ($(grep -c '^[-+][^-+]' "$work/fp_diff") line(s))"
		{
			cat "$work/fp_diff"
			echo "--- the push's SQL:"
			jq -r '.sql[]' "$work/push1"
		} >"$work/detail"
		fail_detail=$work/detail
		return 1
	fi
	fail_step=integrity
	if [ "$(sqlite3 "$cur" 'PRAGMA integrity_check')" != ok ] ||
		[ -n "$(sqlite3 "$cur" 'PRAGMA foreign_key_check')" ]; then
		fail_reason="integrity_check or foreign_key_check: $(sqlite3 "$cur" 'PRAGMA integrity_check; PRAGMA foreign_key_check' | head -n 3 | tr '\n' ' ')"
		return 1
	fi

	if [ -f "$dir/verify.sql" ] && ! verify "$dir/verify.sql" "$cur"; then
		return 1
	fi

	# without the pair's flags: a --rename that names no pair is an error
	fail_step=push-again
	rc=0
	vb push --url "$cur" --schema "$work/D.json" --yes --json || rc=$?
	if [ "$rc" -ne 0 ]; then
		fail_reason="exit $rc: $(summary "$work/err" 6)"
		return 1
	fi
	if [ "$(jq -r '"\(.operations | length) operation(s), applied=\(.applied)"' "$work/out")" != "0 operation(s), applied=false" ]; then
		jq '.operations' "$work/out" >"$work/ops"
		fail_reason="second push: $(jq -r '"\(.operations | length) operation(s), applied=\(.applied)"' "$work/out")"
		fail_detail=$work/ops
		return 1
	fi

	if [ "${VB_CORPUS_MIGRATE:-1}" = 1 ] && ! migrate_pair; then
		return 1
	fi

	fail_step=history
	if [ "$(jq -r '.operations | length' "$work/push1")" -gt 0 ]; then
		if ! vb history --url "$cur" --json ||
			[ "$(jq -r ".history[0].id == $(jq '.historyId' "$work/push1")" "$work/out")" != true ]; then
			fail_reason="the push is not the newest history entry: $(summary "$work/err")"
			return 1
		fi
	fi
	return 0
}

# migrate_pair: step 7 on $work/mig.db (the current file before the push).
migrate_pair() {
	local m=$work/mig flags=() i
	local -a all=("${args[@]}")

	# the flags that settle questions; --force has no meaning for generate
	for ((i = 0; i < ${#all[@]}; i++)); do
		case ${all[i]} in
		--rename | --resolve) flags+=("${all[i]}" "${all[i + 1]}"); i=$((i + 1)) ;;
		--rename=* | --resolve=*) flags+=("${all[i]}") ;;
		esac
	done
	rm -rf "$m"
	mkdir -p "$m/meta"
	fail_step=migrate-generate
	if ! vb pull --url "$work/mig.db" --out "$m/meta/_snapshot.json"; then
		fail_reason=$(summary "$work/err" 6)
		return 1
	fi
	printf '{"version": "1", "dialect": "sqlite", "entries": []}\n' >"$m/meta/_journal.json"
	: >"$work/replica.db"
	if ! vb push --url "$work/replica.db" --schema "$m/meta/_snapshot.json" --yes --force; then
		fail_reason="the current file's snapshot pushed into an empty file: $(summary "$work/err" 6)"
		return 1
	fi
	python3 "$fingerprint" "$work/replica.db" >"$work/fp_replica" 2>"$work/err" || true
	if ! cmp -s "$work/fp_before" "$work/fp_replica"; then
		skipped="migration step skipped: the snapshot does not describe the current file exactly"
		return 0
	fi
	if ! vb migrate generate --url "$work/mig.db" --dir "$m" --schema "$work/D.json" --name change \
		"${flags[@]}"; then
		fail_reason=$(summary "$work/err" 6)
		return 1
	fi
	if [ "$(jq -r '.operations | length' "$work/push1")" -eq 0 ]; then
		if compgen -G "$m/*.sql" >/dev/null; then
			fail_reason="the push planned nothing, but generate wrote a migration"
			return 1
		fi
		return 0
	fi
	fail_step=migrate-apply
	if ! vb migrate apply --url "$work/mig.db" --dir "$m"; then
		fail_reason=$(summary "$work/err" 6)
		cat "$m"/*.sql >"$work/detail" 2>/dev/null || true
		fail_detail=$work/detail
		return 1
	fi
	python3 "$fingerprint" "$work/mig.db" >"$work/fp_mig" 2>"$work/err" || true
	if ! diff -u --label push --label migration "$work/fp_cur" "$work/fp_mig" >"$work/fp_diff"; then
		# a difference the snapshot could not foresee must show as drift
		local rc=0
		vb migrate status --url "$work/mig.db" --dir "$m" --exit-code --json || rc=$?
		if [ "$rc" -eq 3 ] && [ "$(jq -r '.drift.operations | length' "$work/out")" -gt 0 ]; then
			skipped="the migration differs from the push where the snapshot cannot tell (implicit names); status reports the drift"
			return 0
		fi
		fail_reason="the migration and the push made different catalogs, and status reports no drift"
		{
			cat "$work/fp_diff"
			echo "--- the migration:"
			cat "$m"/*.sql
		} >"$work/detail"
		fail_detail=$work/detail
		return 1
	fi
	fail_step=migrate-status
	if ! vb migrate status --url "$work/mig.db" --dir "$m" --exit-code; then
		fail_reason="status after apply: $(summary "$work/out" 3) $(summary "$work/err" 6)"
		return 1
	fi
	fail_step=migrate-down
	if grep -q -- '-- WARNING:' "$m"/meta/_down/*.sql; then
		skipped="down not run: its file carries warnings"
		return 0
	fi
	if ! vb migrate down --url "$work/mig.db"; then
		fail_reason=$(summary "$work/err" 6)
		cat "$m"/meta/_down/*.sql >"$work/detail" 2>/dev/null || true
		fail_detail=$work/detail
		return 1
	fi
	python3 "$fingerprint" "$work/mig.db" >"$work/fp_down" 2>"$work/err" || true
	if ! diff -u --label before --label down "$work/fp_before" "$work/fp_down" >"$work/fp_diff"; then
		fail_reason="down did not give back the current catalog"
		{
			cat "$work/fp_diff"
			echo "--- the down migration:"
			cat "$m"/meta/_down/*.sql
		} >"$work/detail"
		fail_detail=$work/detail
		return 1
	fi
}

# verify FILE DB: every value the queries return is 1.
verify() {
	fail_step=verify
	if ! sqlite3 -bail "$2" <"$1" >"$work/verify" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	if [ ! -s "$work/verify" ]; then
		fail_reason="verify.sql returned no rows"
		return 1
	fi
	if grep -qvx '1' "$work/verify"; then
		fail_reason="verify.sql returned a value other than 1 (query $(grep -nvx '1' "$work/verify" | head -n 1 | cut -d: -f1) of $(wc -l <"$work/verify"))"
		return 1
	fi
}

passed=0
failed=0
shopt -s nullglob
position=-1
seen=-1
for dir in "$pairs_dir"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	if [ -n "$filter" ] && [[ $name != *"$filter"* ]]; then
		continue
	fi
	seen=$((seen + 1))
	if [ $((seen % every)) -ne 0 ]; then
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
			excerpt "$fail_detail" 60
		fi
		failed=$((failed + 1))
	fi
	if [ -n "${VB_CORPUS_KEEP:-}" ]; then
		mkdir -p "$VB_CORPUS_KEEP"
		cp "$work"/* "$VB_CORPUS_KEEP"/ 2>/dev/null || true
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
