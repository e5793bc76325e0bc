#!/usr/bin/env bash
# viborm benchmark: introspection, no-op push and initial push on a schema of
# VB_BENCH_TABLES (default 1000) tables, each with 9 columns of mixed types
# (serial PK, varchar, text, enum, numeric, boolean, jsonb, timestamptz, an
# integer FK to the previous table), a unique index and a partial index.
#
#   test/bench/run.sh
#
# Measured in the same run, on the same server:
#   (a) baseline   one SQL statement that reads from pg_catalog every fact
#                  introspection reads (tables, columns with format_type and
#                  pg_get_expr defaults, owned sequences, constraints with
#                  column names, indexes with key names and predicates,
#                  enums), aggregated with json_agg into one json value;
#   (b) introspect viborm.introspect();
#   (c) no-op push viborm.push(<what introspect returned>): every run must
#                  return applied=false with no operation, or the bench fails;
#   (d) initial push of that document onto an empty database, against psql
#                  running the plan's own statements (its "sql" array from
#                  viborm.diff) between BEGIN and COMMIT.
# (a)-(c) are timed inside the server with clock_timestamp() around each call,
# VB_BENCH_RUNS (default 5) times each in one backend, median reported (the
# first run has cold caches). (d) is the wall-clock time of one psql session
# each (connection and commit included on both sides), VB_BENCH_INITIAL_RUNS
# (default 3) times each on freshly created databases, median reported.
# Beside wall-clock times the table shows the backend's CPU time (from
# /proc/<pid>/schedstat; for (d), its user-mode time from /proc/<pid>/stat,
# as the kernel time of creating thousands of files varies a lot from run to
# run with the file system's state), steadier on a shared machine, and its
# peak memory
# (VmHWM, the peak resident set, shared buffers it touched included, from
# /proc/<pid>/status), read through pg_read_file; each figure runs in its own
# backend.
#
#   (e) viborm.diff() of documents of VB_BENCH_SCALE_N (12500) tables, then
#       twice, four and eight times as many (up to 100,000), each against an
#       empty database in a fresh backend: wall and CPU time and peak memory,
#       with the ratio to the previous size (about 2: linear).
# make bench runs test/bench/scale before this script: the core alone, time
# and memory as documents double.
#
# Targets (DESIGN.md "Speed"): introspect/baseline <= 1.5; no-op push < 0.3 s;
# initial push within 5% of psql. Each line says PASS or MISS; the script
# exits 0 whatever the figures (a benchmark is not a test), and non-zero only
# when it cannot measure (no server, extension not installed, a no-op push
# that plans something, a push that fails).
#
# Connection: libpq environment (PGHOST, PGPORT, PGUSER, ...), as a superuser
# (it creates databases and reads /proc through pg_read_file), on this
# machine. When neither PGHOST nor PGPORT is set, the script starts its own
# private cluster with test/pg-cluster in a temporary directory on port
# VB_BENCH_PORT (default 54361) and stops it on exit. The extension must be
# installed (make install). Databases vb_bench_src, vb_bench_push_<round> and
# vb_bench_psql_<round> are dropped on exit unless VB_BENCH_KEEP=1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
ntables=${VB_BENCH_TABLES:-1000}
nruns=${VB_BENCH_RUNS:-5}
ninitial=${VB_BENCH_INITIAL_RUNS:-3}
admin_db=${VB_BENCH_ADMIN_DB:-postgres}
src_db=vb_bench_src
scale_db=vb_bench_scale
scale_n=${VB_BENCH_SCALE_N:-12500}
push_db=vb_bench_push # _1 .. _N, one per round
psql_db=vb_bench_psql

work=$(mktemp -d "${TMPDIR:-/tmp}/vb-bench.XXXXXX")
start_all=$(date +%s)
cluster_dir=
databases_made=0

psql_base=(psql -X -q -v ON_ERROR_STOP=1)
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
q() {
	local db=$1
	shift
	"${psql_base[@]}" -A -t -d "$db" "$@"
}

die() {
	echo "bench: $*" >&2
	exit 1
}

# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
	local rc=$?
	if [ "$databases_made" = 1 ] && [ "${VB_BENCH_KEEP:-0}" != 1 ] && [ -z "$cluster_dir" ]; then
		drop_databases
	fi
	if [ -n "$cluster_dir" ]; then
		"$root/test/pg-cluster" stop "$cluster_dir" >/dev/null || true
		rm -rf "$cluster_dir"
	fi
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Milliseconds since the epoch, for wall-clock timings.
now_ms() {
	local ns
	ns=$(date +%s%N)
	echo $((ns / 1000000))
}

# Median of the numbers given as arguments.
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --- the server ------------------------------------------------------------
if [ -z "${PGHOST:-}" ] && [ -z "${PGPORT:-}" ]; then
	cluster_dir=$(mktemp -d /tmp/vb-bench-pg.XXXXXX)
	port=${VB_BENCH_PORT:-54361}
	echo "bench: starting a private cluster in $cluster_dir on port $port"
	"$root/test/pg-cluster" start "$cluster_dir" "$port" >/dev/null
	export PGHOST=$cluster_dir/sock PGPORT=$port PGUSER=postgres
fi

q "$admin_db" -c "SELECT 1" >/dev/null 2>"$work/err" ||
	die "cannot connect: $(head -n 3 "$work/err" | tr '\n' ' ')"
[ "$(q "$admin_db" -c "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")" = t ] ||
	die "needs a superuser connection"
[ "$(q "$admin_db" -c "SELECT count(*) FROM pg_available_extensions WHERE name = 'viborm'")" = 1 ] ||
	die "extension viborm is not installed on this server (run make install)"

# --- the schema --------------------------------------------------------------
# 10 enum types, N tables; table i uses enum (i mod 10) and references table i-1.
gen_schema() {
	awk -v n="$ntables" 'BEGIN {
		for (e = 0; e < 10; e++)
			printf "CREATE TYPE public.status_%d AS ENUM (%s);\n", e,
				"'\''draft'\'', '\''active'\'', '\''suspended'\'', '\''archived'\''";
		for (i = 1; i <= n; i++) {
			t = sprintf("t%04d", i);
			printf "CREATE TABLE public.%s (\n", t;
			printf "  id serial PRIMARY KEY,\n";
			printf "  name varchar(100) NOT NULL,\n";
			printf "  email text,\n";
			printf "  status public.status_%d NOT NULL DEFAULT '\''draft'\'',\n", i % 10;
			printf "  score numeric(10,2) DEFAULT 0,\n";
			printf "  is_active boolean NOT NULL DEFAULT true,\n";
			printf "  payload jsonb,\n";
			printf "  created_at timestamp(3) with time zone NOT NULL DEFAULT now(),\n";
			if (i > 1)
				printf "  prev_id integer REFERENCES public.t%04d (id) ON DELETE SET NULL\n", i - 1;
			else
				printf "  prev_id integer\n";
			printf ");\n";
			printf "CREATE UNIQUE INDEX %s_email_idx ON public.%s (email);\n", t, t;
			printf "CREATE INDEX %s_name_created_idx ON public.%s (name, created_at) WHERE is_active;\n", t, t;
		}
	}'
}

# Timing helpers, in schema vb_bench (outside the managed schema public).
helpers_sql=$(
	cat <<'EOF'
CREATE SCHEMA vb_bench;

-- Peak resident set of this backend, in kB.
CREATE FUNCTION vb_bench.vmhwm_kb() RETURNS bigint LANGUAGE sql AS $$
  SELECT (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'),
                       'VmHWM:\s+(\d+)'))[1]::bigint
$$;

-- CPU time this backend has used, in ms: from schedstat (ns), else from
-- stat (utime + stime, in clock ticks, assumed 100 per second).
CREATE FUNCTION vb_bench.cpu_ms() RETURNS float8 LANGUAGE sql AS $$
  SELECT coalesce(
    split_part(pg_read_file('/proc/' || pg_backend_pid() || '/schedstat', 0, 200, true), ' ', 1)::float8 / 1e6,
    (SELECT (split_part(s, ' ', 12)::float8 + split_part(s, ' ', 13)::float8) * 10
     FROM regexp_replace(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), '^.*\) ', '') s))
$$;

-- "user|system" CPU time of this backend in ms, from stat (clock ticks,
-- assumed 100 per second).
CREATE FUNCTION vb_bench.user_system_ms() RETURNS text LANGUAGE sql AS $$
  SELECT split_part(s, ' ', 12)::bigint * 10 || '|' || split_part(s, ' ', 13)::bigint * 10
  FROM regexp_replace(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), '^.*\) ', '') s
$$;

-- Runs query q (one jsonb value, $1 = arg) n times; returns
-- "wall ms ...|cpu ms ...", one figure per run.
-- noop: every result must be a push result that applied nothing.
CREATE FUNCTION vb_bench.time_ms(q text, n int, arg jsonb DEFAULT NULL, noop boolean DEFAULT false)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
  c0 float8;
  r jsonb;
  wall float8[] := '{}';
  cpu float8[] := '{}';
BEGIN
  FOR i IN 1..n LOOP
    c0 := vb_bench.cpu_ms();
    t0 := clock_timestamp();
    EXECUTE q INTO r USING arg;
    wall := wall || extract(epoch FROM clock_timestamp() - t0)::float8 * 1000;
    cpu := cpu || vb_bench.cpu_ms() - c0;
    IF r IS NULL THEN
      RAISE EXCEPTION 'bench: % returned NULL', q;
    END IF;
    IF noop AND (r->'applied' IS DISTINCT FROM 'false'::jsonb
                 OR jsonb_array_length(r->'operations') <> 0
                 OR jsonb_array_length(r->'sql') <> 0) THEN
      RAISE EXCEPTION 'bench: no-op push planned or applied something: %', left(r::text, 2000);
    END IF;
  END LOOP;
  RETURN array_to_string(wall, ' ') || '|' || array_to_string(cpu, ' ');
END
$$;

-- Everything introspection reads, in one statement.
CREATE FUNCTION vb_bench.baseline(schemas text[]) RETURNS json LANGUAGE sql STABLE AS $$
WITH rel AS (
  SELECT c.oid, n.nspname, c.relname
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ANY(schemas) AND c.relkind = 'r' AND NOT c.relispartition
    AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass
                    AND e.objid = c.oid AND e.deptype = 'e')
), cols AS (
  SELECT a.attrelid, json_agg(json_build_object(
           'name', a.attname,
           'type', format_type(a.atttypid, a.atttypmod),
           'notNull', a.attnotnull,
           'default', pg_get_expr(ad.adbin, ad.adrelid),
           'identity', a.attidentity,
           'generated', a.attgenerated,
           'collation', CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation END,
           'sequence', s.relname) ORDER BY a.attnum) AS j
  FROM rel
  JOIN pg_attribute a ON a.attrelid = rel.oid
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN (pg_depend sd JOIN pg_class s ON s.oid = sd.objid AND s.relkind = 'S')
         ON sd.classid = 'pg_class'::regclass AND sd.refclassid = 'pg_class'::regclass
        AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum AND sd.deptype = 'a'
  WHERE a.attnum > 0 AND NOT a.attisdropped
  GROUP BY a.attrelid
), cons AS (
  SELECT con.conrelid, json_agg(json_build_object(
           'name', con.conname,
           'type', con.contype,
           'deferrable', con.condeferrable,
           'deferred', con.condeferred,
           'validated', con.convalidated,
           'columns', ARRAY(SELECT att.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                            JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.num
                            ORDER BY k.ord),
           'refSchema', rn.nspname,
           'refTable', rc.relname,
           'refColumns', ARRAY(SELECT att.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                               JOIN pg_attribute att ON att.attrelid = con.confrelid AND att.attnum = k.num
                               ORDER BY k.ord),
           'onUpdate', con.confupdtype,
           'onDelete', con.confdeltype,
           'check', CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid) END)
           ORDER BY con.conname) AS j
  FROM rel
  JOIN pg_constraint con ON con.conrelid = rel.oid
  LEFT JOIN pg_class rc ON rc.oid = con.confrelid
  LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
  GROUP BY con.conrelid
), idx AS (
  SELECT i.indrelid, json_agg(json_build_object(
           'name', ic.relname,
           'unique', i.indisunique,
           'method', am.amname,
           'columns', ARRAY(SELECT att.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
                            JOIN pg_attribute att ON att.attrelid = i.indrelid AND att.attnum = k.num
                            ORDER BY k.ord),
           'options', i.indoption::int2[],
           'opclasses', i.indclass::oid[],
           'nKeys', i.indnkeyatts,
           'expressions', i.indexprs IS NOT NULL,
           'where', pg_get_expr(i.indpred, i.indrelid)) ORDER BY ic.relname) AS j
  FROM rel
  JOIN pg_index i ON i.indrelid = rel.oid
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_am am ON am.oid = ic.relam
  WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
                    AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
  GROUP BY i.indrelid
)
SELECT json_build_object(
  'tables', (SELECT json_agg(json_build_object(
                      'schema', rel.nspname, 'name', rel.relname,
                      'columns', cols.j, 'constraints', cons.j, 'indexes', idx.j)
                    ORDER BY rel.nspname, rel.relname)
             FROM rel
             LEFT JOIN cols ON cols.attrelid = rel.oid
             LEFT JOIN cons ON cons.conrelid = rel.oid
             LEFT JOIN idx ON idx.indrelid = rel.oid),
  'enums', (SELECT json_agg(json_build_object(
                     'schema', n.nspname, 'name', t.typname,
                     'values', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                FROM pg_enum e WHERE e.enumtypid = t.oid))
                   ORDER BY n.nspname, t.typname)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY(schemas) AND t.typtype = 'e'))
$$;

-- The document to push, in the target databases.
CREATE TABLE vb_bench.doc (doc jsonb NOT NULL);
EOF
)

# shellcheck disable=SC2317 # called from cleanup
drop_databases() {
	local r
	"${psql_base[@]}" -d "$admin_db" -c "DROP DATABASE IF EXISTS $src_db WITH (FORCE)" \
		-c "DROP DATABASE IF EXISTS $scale_db WITH (FORCE)" >/dev/null 2>&1 || true
	for ((r = 1; r <= ninitial; r++)); do
		"${psql_base[@]}" -d "$admin_db" \
			-c "DROP DATABASE IF EXISTS ${push_db}_$r WITH (FORCE)" \
			-c "DROP DATABASE IF EXISTS ${psql_db}_$r WITH (FORCE)" >/dev/null 2>&1 || true
	done
}

make_db() {
	"${psql_base[@]}" -d "$admin_db" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
	"${psql_base[@]}" -d "$1" -c "CREATE EXTENSION viborm" -c "$helpers_sql"
}

# Loads the document file $2 into vb_bench.doc of database $1. CSV with a
# quote and a delimiter that JSON text never holds: the line goes in verbatim.
load_doc() {
	q "$1" -c "TRUNCATE vb_bench.doc" \
		-c "\\copy vb_bench.doc FROM '$2' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
}

# "median min max" of the numbers given as arguments.
stats() {
	local sorted
	sorted=$(printf '%s\n' "$@" | sort -g)
	# shellcheck disable=SC2086
	echo "$(median $sorted) $(echo "$sorted" | head -n 1) $(echo "$sorted" | tail -n 1)"
}

# Runs time_ms(query) in a fresh backend of $1; prints "wall...|cpu...|vmhwm_kb".
measure() {
	local db=$1 query=$2 arg=${3:-NULL} noop=${4:-false}
	q "$db" -c "SELECT vb_bench.time_ms(\$q\$$query\$q\$, $nruns, $arg, $noop) || '|' || vb_bench.vmhwm_kb()"
}

# What a session reports at its end: "user_ms|system_ms|vmhwm_kb".
session_stats="SELECT vb_bench.user_system_ms() || '|' || vb_bench.vmhwm_kb()"

databases_made=1
echo "bench: creating $ntables tables in $src_db"
make_db "$src_db" >/dev/null
gen_schema >"$work/schema.sql"
t0=$(now_ms)
q "$src_db" -1 -f "$work/schema.sql" >/dev/null
echo "bench: schema created in $(($(now_ms) - t0)) ms ($(wc -l <"$work/schema.sql") lines of DDL); ANALYZE"
q "$src_db" -c "ANALYZE" >/dev/null

fresh_kb=$(q "$src_db" -c "SELECT vb_bench.vmhwm_kb()")

echo "bench: (a) baseline catalog query x$nruns"
# (json text as built, not converted to jsonb: that would cost it ~1/3 more)
out=$(measure "$src_db" "SELECT jsonb_build_object('bytes', octet_length(vb_bench.baseline(ARRAY['public'])::text))")
IFS='|' read -r a_wall a_cpu a_kb <<<"$out"
echo "bench: (b) viborm.introspect() x$nruns"
out=$(measure "$src_db" "SELECT viborm.introspect()")
IFS='|' read -r b_wall b_cpu b_kb <<<"$out"

# The document: what introspect returned.
q "$src_db" -c "SELECT viborm.introspect()" >"$work/doc.json"
[ "$(wc -l <"$work/doc.json")" -eq 1 ] || die "the introspected document is not one line"
load_doc "$src_db" "$work/doc.json"
ntab_doc=$(q "$src_db" -c "SELECT jsonb_array_length(doc->'tables') FROM vb_bench.doc")
[ "$ntab_doc" = "$ntables" ] || die "introspect returned $ntab_doc tables, not $ntables"

echo "bench: (c) no-op viborm.push(<introspect result>) x$nruns"
if ! out=$(measure "$src_db" "SELECT viborm.push(\$1)" "(SELECT doc FROM vb_bench.doc)" true 2>"$work/err"); then
	cat "$work/err" >&2
	die "the no-op push failed"
fi
IFS='|' read -r c_wall c_cpu c_kb <<<"$out"
[ "$(q "$src_db" -c "SELECT count(*) FROM viborm.history")" = 0 ] || die "a no-op push wrote history"

echo "bench: (d) initial push onto an empty database vs psql, x$ninitial each"
# Every database first: dropping one frees thousands of files, which makes
# creating files slower for a while (ext4 skips recently freed inodes), and
# that must not fall on one side only.
for ((r = 1; r <= ninitial; r++)); do
	make_db "${push_db}_$r" >/dev/null
	make_db "${psql_db}_$r" >/dev/null
	load_doc "${push_db}_$r" "$work/doc.json"
done
# The plan's statements, from viborm.diff on an empty database, in one
# transaction.
{
	echo "BEGIN;"
	q "${push_db}_1" -c "SELECT s || ';' FROM vb_bench.doc, jsonb_array_elements_text(viborm.diff(doc)->'sql') s"
	echo "COMMIT;"
} >"$work/plan.sql"
nstmts=$(q "${push_db}_1" -c "SELECT jsonb_array_length(viborm.diff(doc)->'sql') FROM vb_bench.doc")

d_push=() d_push_user=() d_push_sys=() d_psql=() d_psql_user=() d_psql_sys=()
d_push_kb=0 d_psql_kb=0
run_push() {
	local t0 out applied nops user sys kb
	t0=$(now_ms)
	if ! out=$(q "${push_db}_$1" -c "SELECT (p->>'applied') || '|' || jsonb_array_length(p->'operations')
	                                 FROM vb_bench.doc, viborm.push(doc) p" -c "$session_stats" 2>"$work/err"); then
		cat "$work/err" >&2
		die "the initial push failed"
	fi
	d_push+=($(($(now_ms) - t0)))
	IFS='|' read -r applied nops user sys kb <<<"$(echo "$out" | paste -sd '|')"
	{ [ "$applied" = true ] && [ "$nops" -gt 0 ]; } || die "the initial push applied nothing"
	d_push_user+=("$user")
	d_push_sys+=("$sys")
	[ "$kb" -le "$d_push_kb" ] || d_push_kb=$kb
}
run_psql() {
	local t0 out user sys kb
	t0=$(now_ms)
	out=$(q "${psql_db}_$1" -f "$work/plan.sql" -c "$session_stats")
	d_psql+=($(($(now_ms) - t0)))
	IFS='|' read -r user sys kb <<<"$out"
	d_psql_user+=("$user")
	d_psql_sys+=("$sys")
	[ "$kb" -le "$d_psql_kb" ] || d_psql_kb=$kb
}
for ((r = 1; r <= ninitial; r++)); do
	# Push first on odd rounds, psql first on even ones.
	if [ $((r % 2)) = 1 ]; then
		run_push "$r"
		run_psql "$r"
	else
		run_psql "$r"
		run_push "$r"
	fi
done
# Both must have produced the same schema.
cmp -s <(q "${push_db}_1" -c "SELECT vb_bench.baseline(ARRAY['public'])") \
	<(q "${psql_db}_1" -c "SELECT vb_bench.baseline(ARRAY['public'])") ||
	die "the pushed database and the psql one differ"

# shellcheck disable=SC2086
{
	read -r a_med a_min a_max <<<"$(stats $a_wall)"
	read -r b_med b_min b_max <<<"$(stats $b_wall)"
	read -r c_med c_min c_max <<<"$(stats $c_wall)"
	a_cpu_med=$(median $a_cpu)
	b_cpu_med=$(median $b_cpu)
	c_cpu_med=$(median $c_cpu)
}
read -r dp_med dp_min dp_max <<<"$(stats "${d_push[@]}")"
read -r dq_med dq_min dq_max <<<"$(stats "${d_psql[@]}")"
dp_user_med=$(median "${d_push_user[@]}")
dq_user_med=$(median "${d_psql_user[@]}")
dp_sys_med=$(median "${d_push_sys[@]}")
dq_sys_med=$(median "${d_psql_sys[@]}")

ratio() { awk -v x="$1" -v y="$2" -v f="$3" 'BEGIN { printf f, x / y }'; }
verdict() { # an awk condition; true -> PASS
	if awk "BEGIN { exit !($1) }"; then echo PASS; else echo MISS; fi
}
r_intro=$(ratio "$b_med" "$a_med" %.2f)
r_intro_cpu=$(ratio "$b_cpu_med" "$a_cpu_med" %.2f)
c_s=$(ratio "$c_med" 1000 %.3f)
c_s_cpu=$(ratio "$c_cpu_med" 1000 %.3f)
r_push=$(ratio "$dp_med" "$dq_med" %.3f)
r_push_cpu=$(ratio "$dp_user_med" "$dq_user_med" %.3f)

count() { q "$src_db" -c "SELECT count(*) FROM $1"; }
ncols=$(count "pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0")
nidx=$(count "pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace")
nfks=$(count "pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = 'f'")

echo
echo "viborm bench: $ntables tables, $ncols columns, $nidx indexes (PKs included), $nfks FKs, 10 enums;"
echo "document $(wc -c <"$work/doc.json") bytes; initial plan $nstmts statements"
q "$src_db" -c "SELECT version()"
echo "$(nproc) CPUs, load average $(cut -d ' ' -f 1-3 /proc/loadavg); VmHWM of a fresh backend: $fresh_kb kB"
echo
printf '%-36s %10s %10s %10s %10s %10s\n' figure "median ms" "min ms" "max ms" "cpu ms" "VmHWM kB"
row() { printf '%-36s %10.1f %10.1f %10.1f %10.1f %10s\n' "$@"; }
row "(a) baseline catalog query (x$nruns)" "$a_med" "$a_min" "$a_max" "$a_cpu_med" "$a_kb"
row "(b) viborm.introspect() (x$nruns)" "$b_med" "$b_min" "$b_max" "$b_cpu_med" "$b_kb"
row "(c) no-op viborm.push() (x$nruns)" "$c_med" "$c_min" "$c_max" "$c_cpu_med" "$c_kb"
row "(d) initial viborm.push() (x$ninitial)" "$dp_med" "$dp_min" "$dp_max" "$dp_user_med" "$d_push_kb"
row "(d) psql, plan's SQL (x$ninitial)" "$dq_med" "$dq_min" "$dq_max" "$dq_user_med" "$d_psql_kb"
echo "(a)-(c): clock_timestamp() around each call inside the server; cpu: the backend's CPU time."
echo "(d): wall-clock time of the whole psql session; cpu: the backend's user-mode CPU time for the"
echo "    session (its kernel time, mostly creating files, was $dp_sys_med ms for push, $dq_sys_med ms for psql)."
echo
printf '%-26s %8s %8s %8s %8s %8s\n' target goal wall verdict cpu verdict
printf '%-26s %8s %8s %8s %8s %8s\n' "introspect / baseline" "<= 1.5" "$r_intro" "$(verdict "$r_intro <= 1.5")" \
	"$r_intro_cpu" "$(verdict "$r_intro_cpu <= 1.5")"
printf '%-26s %8s %8s %8s %8s %8s\n' "no-op push (s)" "< 0.3" "$c_s" "$(verdict "$c_s < 0.3")" \
	"$c_s_cpu" "$(verdict "$c_s_cpu < 0.3")"
printf '%-26s %8s %8s %8s %8s %8s\n' "initial push / psql" "<= 1.05" "$r_push" "$(verdict "$r_push <= 1.05")" \
	"$r_push_cpu" "$(verdict "$r_push_cpu <= 1.05")"

# (e) The extension's scaling: viborm.diff() of a document of n, 2n, 4n and
# 8n tables (by default up to 100,000; VB_BENCH_SCALE_N sets n) against an
# empty database, each in a fresh backend: the document is built in the
# server first, then the call alone is timed. Each table has three columns,
# a primary key, an index and a foreign key to the previous one.
echo
echo "bench: (e) viborm.diff() of growing documents in $scale_db"
make_db "$scale_db" >/dev/null
printf '%-10s %10s %8s %10s %8s %12s %8s\n' tables "wall ms" ratio "cpu ms" ratio "VmHWM kB" ratio
prev=
for ((k = 0, n = scale_n; k < 4; k++, n *= 2)); do
	out=$(q "$scale_db" -f - <<SQL
CREATE TEMPORARY TABLE d AS
SELECT jsonb_build_object('tables', jsonb_agg(jsonb_build_object(
         'name', 't' || g,
         'columns', jsonb_build_array(
             jsonb_build_object('name', 'id', 'type', 'integer', 'nullable', false),
             jsonb_build_object('name', 'name', 'type', 'text'),
             jsonb_build_object('name', 'prev', 'type', 'integer')),
         'primaryKey', jsonb_build_object('columns', jsonb_build_array('id')),
         'indexes', jsonb_build_array(jsonb_build_object('columns', jsonb_build_array('name'))),
         'foreignKeys', CASE WHEN g > 1 THEN jsonb_build_array(jsonb_build_object(
             'columns', jsonb_build_array('prev'), 'referencedTable', 't' || (g - 1),
             'referencedColumns', jsonb_build_array('id'))) ELSE '[]'::jsonb END))) AS doc
FROM generate_series(1, $n) g;
SELECT vb_bench.cpu_ms() AS c0, clock_timestamp() AS t0 \gset
SELECT jsonb_array_length(viborm.diff(doc)->'operations') AS ops FROM d \gset
SELECT round(extract(epoch FROM clock_timestamp() - :'t0') * 1000) || ' '
       || round(vb_bench.cpu_ms() - :c0) || ' ' || vb_bench.vmhwm_kb() || ' ' || :ops;
SQL
)
	read -r wall cpu kb ops <<<"$out"
	if [ "$ops" -ne $((3 * n - 1)) ]; then
		die "(e): $n tables planned $ops operations, not $((3 * n - 1))"
	fi
	if [ -z "$prev" ]; then
		printf '%-10s %10s %8s %10s %8s %12s %8s\n' "$n" "$wall" "" "$cpu" "" "$kb" ""
	else
		read -r pwall pcpu pkb <<<"$prev"
		printf '%-10s %10s %8s %10s %8s %12s %8s\n' "$n" "$wall" "$(ratio "$wall" "$pwall" %.2f)" \
			"$cpu" "$(ratio "$cpu" "$pcpu" %.2f)" "$kb" "$(ratio "$kb" "$pkb" %.2f)"
	fi
	prev="$wall $cpu $kb"
done
echo "(e): each row doubles the tables: a ratio about 2 is linear, 4 quadratic (VmHWM includes the"
echo "    document itself and the backend's own memory, so its ratio starts below 2)."

echo
echo "bench: done in $(($(date +%s) - start_all)) s"
exit 0
