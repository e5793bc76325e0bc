#!/usr/bin/env bash
# viborm benchmark, MariaDB part: a no-op `viborm push` on a schema of N
# tables against the same information_schema reads through the `mariadb`
# client, for N in VB_BENCH_MYSQL_TABLES (default "1000 10000").
#
#   test/bench/mysql.sh
#
# Each table has 9 columns of mixed types (AUTO_INCREMENT primary key,
# VARCHAR, TEXT, ENUM, DECIMAL, TINYINT(1) with a default, JSON (a LONGTEXT
# with its json_valid check on MariaDB), DATETIME(3) DEFAULT
# CURRENT_TIMESTAMP(3), an INT foreign key to the previous table), a unique
# index and a secondary index.
#
# Measured in the same run, on the same server, wall-clock, each
# VB_BENCH_RUNS (default 3) times, median reported:
#   (a) baseline   `mariadb -N -B` running the statements viborm's reading
#                  side runs (src/cli/mysql_introspect.c: the session
#                  settings, the server, character sets, collations and
#                  engines, then tables, columns, index parts, foreign keys,
#                  checks, views, triggers of the database), rows to /dev/null;
#   (b) pull       `viborm pull` (the document on stdout, to /dev/null);
#   (c) no-op push `viborm push --yes --json` of what pull returned: every
#                  run must say applied=false with no operation, or the
#                  bench fails.
# Both sides connect through the same Unix socket and pay for starting a
# process and connecting. Target (issue 12): no-op push / baseline <= 2 at
# each size; each line says PASS or MISS. The script exits 0 whatever the
# figures, non-zero only when it cannot measure.
#
# Server: VIBORM_TEST_MYSQL_SOCKET when set (user root); otherwise a private
# MariaDB (test/mariadb-server) in a temporary directory on port
# VB_BENCH_MYSQL_PORT (default 54412), stopped on exit. The database
# vb_bench_my is dropped on exit unless VB_BENCH_KEEP=1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${VB_BENCH_MYSQL_TABLES:-1000 10000}
nruns=${VB_BENCH_RUNS:-3}
BIN=${VIBORM_BIN:-$root/viborm}
db=vb_bench_my
work=$(mktemp -d "${TMPDIR:-/tmp}/vb-bench-my.XXXXXX")
server_dir=
sock=${VIBORM_TEST_MYSQL_SOCKET:-}

cleanup() {
	if [ -n "$sock" ] && [ "${VB_BENCH_KEEP:-0}" != 1 ]; then
		my -e "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
	fi
	if [ -n "$server_dir" ]; then
		"$root/test/mariadb-server" stop "$server_dir" >/dev/null 2>&1 || true
		rm -rf "$server_dir"
	fi
	rm -rf "$work"
}
trap cleanup EXIT

my() {
	mariadb --no-defaults --socket="$sock" -uroot "$@"
}

if [ ! -x "$BIN" ]; then
	echo "bench: no $BIN (make viborm)" >&2
	exit 1
fi
if [ -z "$sock" ]; then
	server_dir=$(mktemp -d "${TMPDIR:-/tmp}/vb-bench-maria.XXXXXX")
	"$root/test/mariadb-server" start "$server_dir" "${VB_BENCH_MYSQL_PORT:-54412}" >&2
	sock=$server_dir/mysqld.sock
fi
url="mysql://root@localhost/$db?socket=$sock"

# The statements of the reading side, taken from its source so that the
# baseline cannot drift from what viborm runs.
baseline_sql() {
	python3 - "$root/src/cli/mysql_introspect.c" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
def const(name):
    m = re.search(r'static const char \*const ' + name + r'\s*=\s*((?:\s*"(?:[^"\\]|\\.)*")+);', src)
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
def literal(after):
    m = re.search(re.escape(after) + r'\s*((?:\s*"(?:[^"\\]|\\.)*")+)', src)
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
out = [const("settings").replace("SET SESSION", "SET SESSION", 1),
       literal('"reading the server\'s version",'),
       literal('"reading the character sets",'),
       "SELECT FULL_COLLATION_NAME FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY",
       literal('"reading the storage engines",')]
for q in ["q_tables", "q_columns", "q_indexes_mariadb", "q_foreign_keys", "q_checks_mariadb",
          "q_views_mariadb", "q_triggers"]:
    out.append(const(q))
for q in out:
    print(q + ";")
PY
}
baseline_sql >"$work/baseline.sql"
if [ "$(grep -c 'information_schema' "$work/baseline.sql")" -lt 10 ]; then
	echo "bench: could not read the queries from src/cli/mysql_introspect.c" >&2
	exit 1
fi

schema_sql() {
	awk -v n="$1" 'BEGIN {
		print "SET foreign_key_checks = 0;"
		for (i = 1; i <= n; i++) {
			printf "CREATE TABLE t%05d (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, " \
				"body TEXT, status ENUM(\x27new\x27, \x27open\x27, \x27closed\x27) NOT NULL DEFAULT \x27new\x27, " \
				"amount DECIMAL(12,2), flag TINYINT(1) NOT NULL DEFAULT 0, data JSON, " \
				"created DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), prev_id INT, " \
				"UNIQUE KEY t%05d_name (name), KEY t%05d_created (created)", i, i, i
			if (i > 1)
				printf ", CONSTRAINT t%05d_prev FOREIGN KEY (prev_id) REFERENCES t%05d (id)", i, i - 1
			print ") ENGINE=InnoDB;"
		}
	}'
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
# timed OUTFILE COMMAND...: the wall-clock seconds of COMMAND, its stdout in OUTFILE
timed() {
	local out=$1 t0 t1
	shift
	t0=$(date +%s.%N)
	"$@" >"$out"
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

printf '%-8s %12s %10s %14s %8s\n' tables "baseline s" "pull s" "no-op push s" ratio
for n in $sizes; do
	my -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"
	schema_sql "$n" | my "$db"
	"$BIN" pull --url "$url" >"$work/doc.json"
	# the first push creates the history tables; the runs below are no-ops
	"$BIN" push --url "$url" --schema "$work/doc.json" --yes --json >"$work/res.json"
	if [ "$(jq -c '[.applied, (.operations | length)]' "$work/res.json")" != "[false,0]" ]; then
		echo "bench: the push of what pull returned planned something at $n tables:" >&2
		jq -c '[.operations[] | "\(.kind) \(.object)"] | .[:10]' "$work/res.json" >&2
		exit 1
	fi
	: >"$work/a" && : >"$work/b" && : >"$work/c"
	for ((r = 0; r < nruns; r++)); do
		timed /dev/null my -N -B "$db" <"$work/baseline.sql" >>"$work/a"
		timed /dev/null "$BIN" pull --url "$url" >>"$work/b"
		timed "$work/res.json" "$BIN" push --url "$url" --schema "$work/doc.json" --yes --json >>"$work/c"
		if [ "$(jq -c '[.applied, (.operations | length)]' "$work/res.json")" != "[false,0]" ]; then
			echo "bench: a no-op push planned something at $n tables" >&2
			exit 1
		fi
	done
	a=$(median <"$work/a") b=$(median <"$work/b") c=$(median <"$work/c")
	awk -v n="$n" -v a="$a" -v b="$b" -v c="$c" 'BEGIN {
		r = c / a
		printf "%-8d %12.3f %10.3f %14.3f %7.2fx  %s (target <= 2x)\n", n, a, b, c, r, r <= 2 ? "PASS" : "MISS"
	}'
done
