#!/usr/bin/env bash
# The MariaDB convergence corpus: pairs of schemas written as plain DDL with
# rows, pushed by the viborm command.
#
#   test/mysql/corpus/run.sh [FILTER]
#
# For every pair directory under test/mysql/corpus/pairs/ (sorted; only those
# whose name contains FILTER when given):
#   1. re-create the databases vbm_cur and vbm_des (vbm_cur_K/vbm_des_K for
#      worker K), apply current.sql to vbm_cur and desired.sql to vbm_des;
#   2. the document D: `viborm pull` of vbm_des, or desired.json when the
#      pair has one (a hand-written or model-form document);
#      With a `renames` file (lines OLD=NEW for a table, T.OLD=T.NEW for a
#      column), D gets "renamedFrom" for each;
#   3. `viborm diff --exit-code` of each database's own pull is empty (no
#      phantom difference);
#   4. `viborm push --yes --json` of D onto vbm_cur, with the flags of the
#      pair's `flags` file (default --force); the result says
#      "applied": true and "atomic": false;
#   5. the catalog fingerprints (fingerprint.sql: information_schema only,
#      no viborm) of both databases are equal (pairs with desired.json and no
#      desired.sql skip this);
#   6. verify.sql, when present, on vbm_cur: every value it returns is 1
#      (rows survived renames and type changes);
#   7. pushing D again (the flags without --rename and --resolve, which name
#      pairs of the first plan) plans nothing: "applied": false, no operation;
#   8. versioned migrations (pairs with desired.sql; VB_CORPUS_MIGRATE=0 skips
#      it): see migrate_pair; when the down file carries no -- WARNING: line,
#      `migrate down` then gives back the current fingerprint (pairs whose
#      down file has warnings say so on their line).
# A pair whose `expect-error` file exists must instead fail at step 4 with
# that text in the error (refused before anything ran: the fingerprint of
# vbm_cur is then unchanged).
# Prints "ok NAME" or "FAILED NAME: STEP: REASON" per pair, then
# "N passed, N failed"; exits 1 if any pair failed.
#
# Server: VIBORM_TEST_MYSQL_SOCKET (test/run sets it to its private MariaDB),
# user root. VIBORM_BIN (default ./viborm) and VIBORM_WRAPPER (e.g.
# valgrind) as for the other CLI tests. VB_CORPUS_JOBS=N runs N workers,
# each with its own two databases. VB_CORPUS_KEEP=1 keeps the last pair's
# databases.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
pairs_dir=$here/pairs
filter=${1:-}
jobs=${VB_CORPUS_JOBS:-1}
sock=${VIBORM_TEST_MYSQL_SOCKET:-}
BIN=${VIBORM_BIN:-$root/viborm}
read -r -a WRAP <<<"${VIBORM_WRAPPER:-}"
cur_db=vbm_cur${VB_CORPUS_WORKER:+_$VB_CORPUS_WORKER}
des_db=vbm_des${VB_CORPUS_WORKER:+_$VB_CORPUS_WORKER}
mig_db=vbm_mig${VB_CORPUS_WORKER:+_$VB_CORPUS_WORKER}
dev_db=vbm_dev${VB_CORPUS_WORKER:+_$VB_CORPUS_WORKER}

if [ -z "$sock" ] || [ ! -S "$sock" ]; then
	echo "run.sh: no MariaDB socket in VIBORM_TEST_MYSQL_SOCKET (test/run starts one)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

if [ "$jobs" -gt 1 ] && [ -z "${VB_CORPUS_WORKER:-}" ]; then
	outdir=$(mktemp -d "${TMPDIR:-/tmp}/viborm-mycorpus-jobs.XXXXXX")
	pids=()
	for ((k = 0; k < jobs; k++)); do
		VB_CORPUS_WORKER=$k "${BASH_SOURCE[0]}" "$filter" >"$outdir/$k.out" 2>&1 &
		pids+=($!)
	done
	for pid in "${pids[@]}"; do
		wait "$pid" || true
	done
	cat "$outdir"/*.out | grep -v -E '^[0-9]+ passed, [0-9]+ failed$' || true
	total_passed=0 total_failed=0
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

work=$(mktemp -d "${TMPDIR:-/tmp}/viborm-mycorpus.XXXXXX")
my() {
	mariadb --no-defaults --socket="$sock" -uroot "$@"
}
url() {
	echo "mysql://root@localhost/$1?socket=$sock"
}
viborm() {
	"${WRAP[@]}" "$BIN" "$@"
}

drop_databases() {
	my -e "DROP DATABASE IF EXISTS $cur_db; DROP DATABASE IF EXISTS $des_db;
		DROP DATABASE IF EXISTS $mig_db; DROP DATABASE IF EXISTS $dev_db" >/dev/null 2>&1 || true
}
cleanup() {
	[ "${VB_CORPUS_KEEP:-0}" = 1 ] || drop_databases
	rm -rf "$work"
}
trap cleanup EXIT

summary() {
	{ grep -v '^[[:space:]]*$' "$1" || true; } | head -n "${2:-4}" | tr '\n' ' ' | sed -e 's/ *$//'
}

fingerprint() {
	my -N -B "$1" <"$here/fingerprint.sql"
}

# add_renames DOC FILE: DOC with "renamedFrom" from each line of FILE.
add_renames() {
	local filter='.' line old new
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		old=${line%%=*} new=${line#*=}
		if [[ $new == *.* ]]; then
			filter+=" | (.tables[] | select(.name == \"${new%%.*}\") | .columns[] | select(.name == \"${new#*.}\")).renamedFrom = \"${old#*.}\""
		else
			filter+=" | (.tables[] | select(.name == \"$new\")).renamedFrom = \"$old\""
		fi
	done <"$2"
	jq "$filter" "$1"
}

# The flags of the second push: the first push's without --rename and
# --resolve (they name pairs of a plan that no longer exists).
repush_flags() {
	local i
	repush=()
	for ((i = 0; i < ${#flags[@]}; i++)); do
		case ${flags[i]} in
		--rename | --resolve) i=$((i + 1)) ;;
		*) repush+=("${flags[i]}") ;;
		esac
	done
}

# Runs one pair; on failure sets fail_step and fail_reason and returns 1.
run_pair() {
	local dir=$1 doc flags=() repush=() res

	fail_step=setup
	drop_databases
	if ! my -e "CREATE DATABASE $cur_db; CREATE DATABASE $des_db" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	fail_step=apply-current
	if ! my "$cur_db" <"$dir/current.sql" >"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	fail_step=apply-desired
	if [ -f "$dir/desired.sql" ] && ! my "$des_db" <"$dir/desired.sql" >"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi

	fail_step=pull
	if [ -f "$dir/desired.json" ]; then
		doc=$dir/desired.json
	else
		doc=$work/D.json
		if ! viborm pull --url "$(url "$des_db")" >"$doc" 2>"$work/err"; then
			fail_reason=$(summary "$work/err")
			return 1
		fi
	fi
	if [ -f "$dir/renames" ]; then
		# OLD=NEW (a table) or TABLE.OLD=TABLE.NEW (a column): the document
		# says "renamedFrom", as a user's would for a rename the planner
		# does not offer as a candidate (another type, a swap, a chain)
		if ! add_renames "$doc" "$dir/renames" >"$work/R.json" 2>"$work/err"; then
			fail_reason=$(summary "$work/err")
			return 1
		fi
		doc=$work/R.json
	fi
	fail_step=self-diff
	for db in "$cur_db" "$des_db"; do
		if ! viborm pull --url "$(url "$db")" >"$work/self.json" 2>"$work/err" ||
			! viborm diff --url "$(url "$db")" --schema "$work/self.json" --exit-code \
				>"$work/out" 2>>"$work/err"; then
			fail_reason="$db: $(summary "$work/out") $(summary "$work/err")"
			return 1
		fi
	done

	fail_step=push
	if [ -f "$dir/flags" ]; then
		mapfile -t flags < <(grep -v '^[[:space:]]*$' "$dir/flags")
	else
		flags=(--force)
	fi
	fingerprint "$cur_db" >"$work/before.fp" 2>/dev/null
	if [ -f "$dir/expect-error" ]; then
		if viborm push --url "$(url "$cur_db")" --schema "$doc" --yes --json "${flags[@]}" \
			>"$work/res.json" 2>"$work/err"; then
			fail_reason="the push succeeded; expected an error with: $(cat "$dir/expect-error")"
			return 1
		fi
		if ! grep -qF -- "$(cat "$dir/expect-error")" "$work/err"; then
			fail_reason="expected \"$(cat "$dir/expect-error")\" in: $(summary "$work/err" 8)"
			return 1
		fi
		fingerprint "$cur_db" >"$work/after.fp" 2>/dev/null
		if ! diff -u "$work/before.fp" "$work/after.fp" >"$work/fpdiff"; then
			fail_step=unchanged
			fail_reason="the refused push changed the database: $(summary "$work/fpdiff" 12)"
			return 1
		fi
		return 0
	fi
	if ! viborm push --url "$(url "$cur_db")" --schema "$doc" --yes --json "${flags[@]}" \
		>"$work/res.json" 2>"$work/err"; then
		fail_reason=$(summary "$work/err" 12)
		return 1
	fi
	# applied exactly when there was something to do; never atomic on MySQL
	res=$(jq -c '[.applied == ((.operations | length) > 0), .atomic]' "$work/res.json" 2>/dev/null)
	if [ "$res" != "[true,false]" ]; then
		fail_reason="result: applied/atomic wrong: $(jq -c '{applied, atomic}' "$work/res.json" 2>&1 | head -c 300)"
		return 1
	fi

	if [ -f "$dir/desired.sql" ]; then
		fail_step=fingerprint
		fingerprint "$cur_db" >"$work/cur.fp" 2>"$work/err"
		fingerprint "$des_db" >"$work/des.fp" 2>>"$work/err"
		if ! diff -u "$work/des.fp" "$work/cur.fp" >"$work/fpdiff"; then
			fail_reason="catalogs differ (- desired, + pushed): $(grep '^[-+][^-+]' "$work/fpdiff" | head -n 6 | tr '\n' ' ')"
			return 1
		fi
	fi

	if [ -f "$dir/verify.sql" ]; then
		fail_step=verify
		if ! my -N -B "$cur_db" <"$dir/verify.sql" >"$work/verify" 2>"$work/err"; then
			fail_reason=$(summary "$work/err")
			return 1
		fi
		if [ ! -s "$work/verify" ] || grep -qv '^1$' "$work/verify"; then
			fail_reason="verify.sql returned: $(tr '\n' ' ' <"$work/verify")"
			return 1
		fi
	fi

	if [ -f "$dir/desired.sql" ] && [ "${VB_CORPUS_MIGRATE:-1}" = 1 ] && ! migrate_pair "$dir" "$doc"; then
		return 1
	fi

	fail_step=repush
	repush_flags
	if ! viborm push --url "$(url "$cur_db")" --schema "$doc" --yes --json "${repush[@]}" \
		>"$work/res2.json" 2>"$work/err"; then
		fail_reason=$(summary "$work/err" 8)
		return 1
	fi
	if [ "$(jq -c '[.applied, (.operations | length)]' "$work/res2.json")" != "[false,0]" ]; then
		fail_reason="the second push planned: $(jq -c '[.operations[] | "\(.kind) \(.object)"]' "$work/res2.json") $(jq -c '.sql' "$work/res2.json" | cut -c1-400)"
		return 1
	fi
	return 0
}

check_levels() {
	my -N -B "$1" -e "SELECT TABLE_NAME, CONSTRAINT_NAME, LEVEL FROM information_schema.CHECK_CONSTRAINTS
		WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME" 2>/dev/null || true
}

# Versioned migrations: on a second copy of the current schema, a migration
# generated from its pull to the document (migrate generate --dev-url on an
# empty database, with the pair's --rename/--resolve flags) and applied
# gives the desired fingerprint and status reports no drift; where it does
# not (the snapshot cannot tell everything), status must report drift. Then
# down, unless its file carries warnings, gives back the current fingerprint.
migrate_pair() {
	local dir=$1 doc=$2 m=$work/mig gflags=() i rc
	fail_step=migrate-generate
	for ((i = 0; i < ${#flags[@]}; i++)); do
		case ${flags[i]} in
		--rename | --resolve) gflags+=("${flags[i]}" "${flags[i + 1]}"); i=$((i + 1)) ;;
		esac
	done
	rm -rf "$m"
	mkdir -p "$m/meta"
	if ! my -e "DROP DATABASE IF EXISTS $mig_db; CREATE DATABASE $mig_db;
		DROP DATABASE IF EXISTS $dev_db; CREATE DATABASE $dev_db" 2>"$work/err" ||
		! my "$mig_db" <"$dir/current.sql" >"$work/out" 2>"$work/err" ||
		! viborm pull --url "$(url "$mig_db")" >"$m/meta/_snapshot.json" 2>"$work/err"; then
		fail_reason=$(summary "$work/err")
		return 1
	fi
	printf '{"version": "1", "dialect": "mysql", "entries": []}\n' >"$m/meta/_journal.json"
	# a migration is planned from the snapshot: it needs a current schema that
	# the snapshot describes exactly (pushed into an empty database, the same
	# fingerprint); MariaDB's column-level CHECKs, for one, it does not
	if ! viborm push --url "$(url "$dev_db")" --schema "$m/meta/_snapshot.json" --yes --force \
		>"$work/out" 2>"$work/err"; then
		fail_reason="the snapshot pushed into an empty database: $(summary "$work/err" 6)"
		return 1
	fi
	# (and where MariaDB keeps a CHECK: on the column or the table)
	{ cat "$work/before.fp"; check_levels "$mig_db"; } >"$work/current.fp"
	{ fingerprint "$dev_db"; check_levels "$dev_db"; } >"$work/replica.fp" 2>/dev/null
	if ! cmp -s "$work/current.fp" "$work/replica.fp"; then
		skipped="migration step skipped: the snapshot does not describe the current schema exactly"
		return 0
	fi
	my -e "DROP DATABASE $dev_db; CREATE DATABASE $dev_db" 2>"$work/err"
	if ! viborm migrate generate --dev-url "$(url "$dev_db")" --dir "$m" --schema "$doc" --name change \
		"${gflags[@]}" >"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err" 8)
		return 1
	fi
	if [ "$(jq '.operations | length' "$work/res.json")" = 0 ]; then
		if compgen -G "$m/*.sql" >/dev/null; then
			fail_reason="the push planned nothing, but generate wrote a migration"
			return 1
		fi
		return 0
	fi
	fail_step=migrate-apply
	if ! viborm migrate apply --url "$(url "$mig_db")" --dir "$m" >"$work/out" 2>"$work/err"; then
		fail_reason="$(summary "$work/err" 8) -- the migration: $(head -c 400 "$m"/0000_*.sql)"
		return 1
	fi
	fingerprint "$mig_db" >"$work/mig.fp" 2>"$work/err"
	rc=0
	viborm migrate status --url "$(url "$mig_db")" --dir "$m" --exit-code --json >"$work/out" 2>>"$work/err" || rc=$?
	if ! diff -u "$work/des.fp" "$work/mig.fp" >"$work/fpdiff"; then
		if [ "$rc" -eq 3 ] && [ "$(jq '.drift.operations | length' "$work/out")" -gt 0 ]; then
			skipped="the migration differs from the push where the snapshot cannot tell; status reports the drift"
			return 0
		fi
		fail_reason="the migration did not give the desired catalog, and status reports no drift: $(grep '^[-+][^-+]' "$work/fpdiff" | head -n 6 | tr '\n' ' ')"
		return 1
	fi
	fail_step=migrate-status
	if [ "$rc" -ne 0 ]; then
		fail_reason="status after apply: exit $rc: $(head -c 300 "$work/out")"
		return 1
	fi
	# down, when its file carries no warning, gives back the current catalog
	fail_step=migrate-down
	if grep -q -- '-- WARNING:' "$m"/meta/_down/*.sql; then
		skipped="down not run: its file carries warnings"
		return 0
	fi
	if ! viborm migrate down --url "$(url "$mig_db")" --dir "$m" >"$work/out" 2>"$work/err"; then
		fail_reason=$(summary "$work/err" 8)
		cp "$m"/meta/_down/*.sql "$work/detail"
		fail_detail=$work/detail
		return 1
	fi
	fingerprint "$mig_db" >"$work/down.fp" 2>"$work/err"
	if ! diff -u "$work/before.fp" "$work/down.fp" >"$work/fpdiff"; then
		fail_reason="down did not give back the current catalog ($(grep -c '^[-+][^-+]' "$work/fpdiff") line(s))"
		{
			cat "$work/fpdiff"
			echo "--- the down migration:"
			cat "$m"/meta/_down/*.sql
		} >"$work/detail"
		fail_detail=$work/detail
		return 1
	fi
}

passed=0 failed=0 i=0
for dir in "$pairs_dir"/*/; do
	dir=${dir%/}
	name=${dir##*/}
	if [ -n "$filter" ] && [[ $name != *"$filter"* ]]; then
		continue
	fi
	if [ -n "${VB_CORPUS_WORKER:-}" ] && [ $((i % jobs)) -ne "$VB_CORPUS_WORKER" ]; then
		i=$((i + 1))
		continue
	fi
	i=$((i + 1))
	skipped=
	fail_detail=
	if run_pair "$dir"; then
		passed=$((passed + 1))
		echo "ok $name${skipped:+ ($skipped)}"
	else
		failed=$((failed + 1))
		echo "FAILED $name: $fail_step: $fail_reason"
		if [ -n "$fail_detail" ] && [ -s "$fail_detail" ]; then
			head -n 60 "$fail_detail" | sed -e 's/^/    /'
		fi
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
