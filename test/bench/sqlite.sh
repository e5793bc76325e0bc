#!/usr/bin/env bash
# viborm benchmark, SQLite part: a file of VB_BENCH_SQLITE_TABLES (default
# "1000 10000": each count in turn) tables, each with 8 columns (INTEGER
# PRIMARY KEY, TEXT NOT NULL, TEXT with a collation, INTEGER with a default,
# REAL, a CHECK, a foreign key to the previous table) and two indexes (one
# unique, one partial).
#
#   test/bench/sqlite.sh
#
# Measured in the same run, median of VB_BENCH_RUNS (default 3) runs each:
#   (a) read      one sqlite3 shell process reading the facts viborm reads
#                 (sqlite_schema, and per table pragma table_xinfo,
#                 index_list, index_xinfo and foreign_key_list);
#   (b) no-op     viborm push of the file's own pull onto the file: must
#                 plan nothing (exit 0, "applied": false) or the bench fails;
#   (c) sqlite3   the sqlite3 shell running the DDL in one transaction on a
#                 new file;
#   (d) initial   viborm push of the same document onto a new file.
# Targets: (b) <= 2 x (a); (d) <= 1.2 x (c). Prints the ratios; exits 1 when
# a push fails (a missed target is printed, not an exit status).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${VIBORM_BIN:-$root/viborm}
runs=${VB_BENCH_RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/viborm-bench-sqlite.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset VIBORM_DATABASE_URL

now() { date +%s%N; }
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ms() { awk -v n="$1" 'BEGIN { printf "%.0f", n / 1000000 }'; }

ddl() {
	awk -v n="$1" 'BEGIN {
		print "BEGIN;";
		for (i = 1; i <= n; i++) {
			t = sprintf("t%05d", i);
			printf "CREATE TABLE %s (\n  id INTEGER PRIMARY KEY,\n", t;
			printf "  name TEXT NOT NULL,\n  email TEXT COLLATE NOCASE,\n";
			printf "  status INTEGER NOT NULL DEFAULT 0,\n  score REAL,\n";
			printf "  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,\n";
			printf "  qty INTEGER CHECK (qty >= 0),\n";
			if (i > 1)
				printf "  prev_id INTEGER REFERENCES t%05d (id) ON DELETE SET NULL\n", i - 1;
			else
				printf "  prev_id INTEGER\n";
			printf ");\n";
			printf "CREATE UNIQUE INDEX %s_email_idx ON %s (email);\n", t, t;
			printf "CREATE INDEX %s_name_idx ON %s (name, created_at) WHERE status > 0;\n", t, t;
		}
		print "COMMIT;";
	}'
}

# One process, every fact: the table-valued pragmas joined to sqlite_schema.
read_sql="SELECT count(*) FROM (
SELECT m.name, m.sql FROM sqlite_schema m
UNION ALL SELECT c.name, c.type || c.\"notnull\" || ifnull(c.dflt_value, '') || c.pk || c.hidden
  FROM sqlite_schema m, pragma_table_xinfo(m.name) c WHERE m.type = 'table'
UNION ALL SELECT l.name, l.\"unique\" || l.origin || l.partial
  FROM sqlite_schema m, pragma_index_list(m.name) l WHERE m.type = 'table'
UNION ALL SELECT x.name, x.seqno || x.desc || x.coll || x.key
  FROM sqlite_schema m, pragma_index_xinfo(m.name) x WHERE m.type = 'index'
UNION ALL SELECT f.\"table\", f.\"from\" || ifnull(f.\"to\", '') || f.on_update || f.on_delete
  FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table');"

status=0
for n in ${VB_BENCH_SQLITE_TABLES:-1000 10000}; do
	ddl "$n" >"$work/ddl.sql"
	rm -f "$work/src.db"
	sqlite3 "$work/src.db" <"$work/ddl.sql"
	"$BIN" pull --url "$work/src.db" >"$work/doc.json"

	a=() b=() c=() d=()
	for ((r = 0; r < runs; r++)); do
		t0=$(now)
		sqlite3 "$work/src.db" "$read_sql" >/dev/null
		a+=($(($(now) - t0)))

		t0=$(now)
		"$BIN" push --url "$work/src.db" --schema "$work/doc.json" --yes --json >"$work/noop.json"
		b+=($(($(now) - t0)))
		if ! jq -e '.applied == false' "$work/noop.json" >/dev/null; then
			echo "sqlite.sh: the no-op push at $n tables planned something:" >&2
			head -c 2000 "$work/noop.json" >&2
			exit 1
		fi

		rm -f "$work/shell.db"
		t0=$(now)
		sqlite3 "$work/shell.db" <"$work/ddl.sql"
		c+=($(($(now) - t0)))

		rm -f "$work/init.db"
		t0=$(now)
		"$BIN" push --url "$work/init.db" --schema "$work/doc.json" --yes --json >"$work/init.json"
		d+=($(($(now) - t0)))
		if ! jq -e '.applied == true' "$work/init.json" >/dev/null; then
			echo "sqlite.sh: the initial push at $n tables did not apply" >&2
			exit 1
		fi
	done
	ma=$(median "${a[@]}") mb=$(median "${b[@]}") mc=$(median "${c[@]}") md=$(median "${d[@]}")
	r1=$(awk -v x="$mb" -v y="$ma" 'BEGIN { printf "%.2f", x / y }')
	r2=$(awk -v x="$md" -v y="$mc" 'BEGIN { printf "%.2f", x / y }')
	v1=$(awk -v r="$r1" 'BEGIN { print (r <= 2.0 ? "ok" : "MISSED") }')
	v2=$(awk -v r="$r2" 'BEGIN { print (r <= 1.2 ? "ok" : "MISSED") }')
	printf 'sqlite %5d tables: read %6s ms, no-op push %6s ms: %sx (target <= 2: %s)\n' \
		"$n" "$(ms "$ma")" "$(ms "$mb")" "$r1" "$v1"
	printf 'sqlite %5d tables: sqlite3 %6s ms, initial push %6s ms: %sx (target <= 1.2: %s)\n' \
		"$n" "$(ms "$mc")" "$(ms "$md")" "$r2" "$v2"
done
exit $status
