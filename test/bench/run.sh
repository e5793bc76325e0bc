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
#                  column names, indexes, enums), aggregated with json_agg;
#   (b) introspect viborm.introspect();
#   (c) no-op push viborm.push(<what introspect returned>): must return
#                  applied=false with no operation, or the bench fails;
#   (d) initial push of that document onto an empty database, against psql
#                  running the plan's own statements (its "sql" array from
#                  viborm.diff) in one transaction (psql -1).
# (a)-(c) are timed inside the server with clock_timestamp() around each call,
# VB_BENCH_RUNS (default 5) times each, median reported. (d) is timed as the
# wall-clock time of one psql invocation each (connection and commit included
# on both sides), VB_BENCH_INITIAL_RUNS (default 3) times each on freshly
# created databases, median reported. Peak memory is the backend's VmHWM
# (peak resident set, shared buffers it touched included) read from
# /proc/<backend>/status with pg_read_file at the end of each figure; every
# figure runs in its own backend.
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
# installed (make install). Databases vb_bench_src, vb_bench_push and
# vb_bench_psql are dropped on exit unless VB_BENCH_KEEP=1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
ntables=${VB_BENCH_TABLES:-1000}
nruns=${VB_BENCH_RUNS:-5}
ninitial=${VB_BENCH_INITIAL_RUNS:-3}
admin_db=${VB_BENCH_ADMIN_DB:-postgres}
src_db=vb_bench_src
push_db=vb_bench_push
psql_db=vb_bench_psql

work=$(mktemp -d "${TMPDIR:-/tmp}/vb-bench.XXXXXX")
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
		"${psql_base[@]}" -d "$admin_db" \
			-c "DROP DATABASE IF EXISTS $src_db WITH (FORCE)" \
			-c "DROP DATABASE IF EXISTS $push_db WITH (FORCE)" \
			-c "DROP DATABASE IF EXISTS $psql_db WITH (FORCE)" >/dev/null 2>&1 || true
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

-- Runs query q (one jsonb value) n times; the times in ms, one per run.
-- noop: every result must be a push result that applied nothing.
CREATE FUNCTION vb_bench.time_ms(q text, n int, arg jsonb DEFAULT NULL, noop boolean DEFAULT false)
RETURNS float8[] LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
  r jsonb;
  times float8[] := '{}';
BEGIN
  FOR i IN 1..n LOOP
    t0 := clock_timestamp();
    EXECUTE q INTO r USING arg;
    times := times || extract(epoch FROM clock_timestamp() - t0)::float8 * 1000;
    IF r IS NULL THEN
      RAISE EXCEPTION 'bench: % returned NULL', q;
    END IF;
    IF noop AND (r->'applied' IS DISTINCT FROM 'false'::jsonb
                 OR jsonb_array_length(r->'operations') <> 0
                 OR jsonb_array_length(r->'sql') <> 0) THEN
      RAISE EXCEPTION 'bench: no-op push planned or applied something: %', left(r::text, 2000);
    END IF;
  END LOOP;
  RETURN times;
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

# Fields of a time_ms() result: median, min, max in ms.
stats() {
	# "{1.2,3.4,...}" -> median min max
	local list
	list=$(echo "$1" | tr -d '{}' | tr ',' ' ')
	# shellcheck disable=SC2086
	echo "$(median $list) $(printf '%s\n' $list | sort -g | head -n 1) $(printf '%s\n' $list | sort -g | tail -n 1)"
}

# Runs time_ms(query) in a fresh backend of $1; prints "times|vmhwm_kb".
measure() {
	local db=$1 query=$2 arg=${3:-NULL} noop=${4:-false}
	q "$db" -c "SELECT vb_bench.time_ms(\$q\$$query\$q\$, $nruns, $arg, $noop)::text || '|' || vb_bench.vmhwm_kb()"
}

start_all=$(now_ms)
databases_made=1
echo "bench: creating $ntables tables in $src_db"
make_db "$src_db"
gen_schema >"$work/schema.sql"
t0=$(now_ms)
q "$src_db" -1 -f "$work/schema.sql" >/dev/null
echo "bench: schema created in $(($(now_ms) - t0)) ms ($(wc -l <"$work/schema.sql") lines of DDL); ANALYZE"
q "$src_db" -c "ANALYZE" >/dev/null

fresh_kb=$(q "$src_db" -c "SELECT vb_bench.vmhwm_kb()")

echo "bench: (a) baseline catalog query x$nruns"
out=$(measure "$src_db" "SELECT to_jsonb(vb_bench.baseline(ARRAY['public']))")
IFS='|' read -r a_times a_kb <<<"$out"
echo "bench: (b) viborm.introspect() x$nruns"
out=$(measure "$src_db" "SELECT viborm.introspect()")
IFS='|' read -r b_times b_kb <<<"$out"

# The document: what introspect returned.
q "$src_db" -c "SELECT viborm.introspect()" >"$work/doc.json"
[ "$(wc -l <"$work/doc.json")" -eq 1 ] || die "the introspected document is not one line"
ntab_doc=$(q "$src_db" -c "SELECT jsonb_array_length(viborm.introspect()->'tables')")
[ "$ntab_doc" = "$ntables" ] || die "introspect returned $ntab_doc tables, not $ntables"
load_doc "$src_db" "$work/doc.json"

echo "bench: (c) no-op viborm.push(<introspect result>) x$nruns"
if ! out=$(measure "$src_db" "SELECT viborm.push(\$1)" "(SELECT doc FROM vb_bench.doc)" true 2>"$work/err"); then
	cat "$work/err" >&2
	die "the no-op push failed"
fi
IFS='|' read -r c_times c_kb <<<"$out"
[ "$(q "$src_db" -c "SELECT count(*) FROM viborm.history" 2>/dev/null || echo 0)" = 0 ] ||
	die "a no-op push wrote history"

echo "bench: (d) initial push onto an empty database vs psql -1, x$ninitial each"
d_push=()
d_psql=()
d_kb=0
for ((r = 1; r <= ninitial; r++)); do
	make_db "$push_db" >/dev/null
	make_db "$psql_db" >/dev/null
	load_doc "$push_db" "$work/doc.json"
	if [ "$r" = 1 ]; then
		# The plan's statements, from viborm.diff on an empty database.
		q "$psql_db" -c "TRUNCATE vb_bench.doc" >/dev/null
		load_doc "$psql_db" "$work/doc.json"
		q "$psql_db" -c "SELECT s || ';' FROM vb_bench.doc, jsonb_array_elements_text(viborm.diff(doc)->'sql') s" \
			>"$work/plan.sql"
		nstmts=$(q "$psql_db" -c "SELECT jsonb_array_length(viborm.diff(doc)->'sql') FROM vb_bench.doc")
		q "$psql_db" -c "TRUNCATE vb_bench.doc" >/dev/null
	fi
	# Push first on odd rounds, psql first on even ones: neither always
	# runs on a cooler cache.
	for who in push psql; do
		if { [ "$who" = push ] && [ $((r % 2)) = 1 ]; } || { [ "$who" = psql ] && [ $((r % 2)) = 0 ]; }; then
			t0=$(now_ms)
			if ! out=$(q "$push_db" -c "SELECT (p->>'applied') || '|' || jsonb_array_length(p->'operations') || '|' || vb_bench.vmhwm_kb()
			                         FROM vb_bench.doc, viborm.push(doc) p" 2>"$work/err"); then
				cat "$work/err" >&2
				die "the initial push failed"
			fi
			d_push+=($(($(now_ms) - t0)))
			IFS='|' read -r applied nops kb <<<"$out"
			{ [ "$applied" = true ] && [ "$nops" -gt 0 ]; } || die "the initial push applied nothing"
			[ "$kb" -gt "$d_kb" ] && d_kb=$kb
		fi
		if { [ "$who" = push ] && [ $((r % 2)) = 0 ]; } || { [ "$who" = psql ] && [ $((r % 2)) = 1 ]; }; then
			t0=$(now_ms)
			q "$psql_db" -1 -f "$work/plan.sql" >/dev/null
			d_psql+=($(($(now_ms) - t0)))
		fi
	done
	if [ "$r" = 1 ]; then
		# Both must have produced the same schema.
		cmp -s <(q "$push_db" -c "SELECT vb_bench.baseline(ARRAY['public'])") \
			<(q "$psql_db" -c "SELECT vb_bench.baseline(ARRAY['public'])") ||
			die "the pushed database and the psql one differ"
	fi
done

read -r a_med a_min a_max <<<"$(stats "$a_times")"
read -r b_med b_min b_max <<<"$(stats "$b_times")"
read -r c_med c_min c_max <<<"$(stats "$c_times")"
d_push_med=$(median "${d_push[@]}")
d_psql_med=$(median "${d_psql[@]}")

verdict() { # expression true -> PASS
	if awk "BEGIN { exit !($1) }"; then echo PASS; else echo MISS; fi
}
r_intro=$(awk -v b="$b_med" -v a="$a_med" 'BEGIN { printf "%.2f", b / a }')
r_push=$(awk -v p="$d_push_med" -v s="$d_psql_med" 'BEGIN { printf "%.3f", p / s }')
c_s=$(awk -v c="$c_med" 'BEGIN { printf "%.3f", c / 1000 }')

echo
echo "viborm bench: $ntables tables, $(q "$src_db" -c "SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0") columns, $(q "$src_db" -c "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'") indexes, $(q "$src_db" -c "SELECT count(*) FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace WHERE n.nspname = 'public' AND contype = 'f'") FKs; document $(wc -c <"$work/doc.json") bytes; plan $nstmts statements"
echo "PostgreSQL $(q "$src_db" -c "SHOW server_version"); backend VmHWM of a fresh connection: ${fresh_kb} kB"
echo
printf '%-44s %10s %10s %10s %12s\n' figure "median ms" "min ms" "max ms" "VmHWM kB"
printf '%-44s %10.1f %10.1f %10.1f %12s\n' "(a) baseline catalog query (server, x$nruns)" "$a_med" "$a_min" "$a_max" "$a_kb"
printf '%-44s %10.1f %10.1f %10.1f %12s\n' "(b) viborm.introspect() (server, x$nruns)" "$b_med" "$b_min" "$b_max" "$b_kb"
printf '%-44s %10.1f %10.1f %10.1f %12s\n' "(c) no-op viborm.push() (server, x$nruns)" "$c_med" "$c_min" "$c_max" "$c_kb"
printf '%-44s %10.1f %10.1f %10.1f %12s\n' "(d) initial viborm.push() (wall, x$ninitial)" "$d_push_med" \
	"$(printf '%s\n' "${d_push[@]}" | sort -g | head -n 1)" \
	"$(printf '%s\n' "${d_push[@]}" | sort -g | tail -n 1)" "$d_kb"
printf '%-44s %10.1f %10.1f %10.1f %12s\n' "(d) psql -1 -f <plan sql> (wall, x$ninitial)" "$d_psql_med" \
	"$(printf '%s\n' "${d_psql[@]}" | sort -g | head -n 1)" \
	"$(printf '%s\n' "${d_psql[@]}" | sort -g | tail -n 1)" "-"
echo
printf '%-44s %10s %10s  %s\n' target value goal verdict
printf '%-44s %10s %10s  %s\n' "introspect / baseline" "$r_intro" "<= 1.5" "$(verdict "$r_intro <= 1.5")"
printf '%-44s %10s %10s  %s\n' "no-op push (s)" "$c_s" "< 0.3" "$(verdict "$c_s < 0.3")"
printf '%-44s %10s %10s  %s\n' "initial push / psql" "$r_push" "<= 1.05" "$(verdict "$r_push <= 1.05")"
echo
echo "bench: done in $((($(now_ms) - start_all) / 1000)) s"
exit 0
