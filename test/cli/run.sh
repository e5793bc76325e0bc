#!/usr/bin/env bash
# End-to-end tests of the viborm command: the real binary against a real
# PostgreSQL server with the extension installed (the libpq environment
# names it: test/run sets PGHOST, PGPORT and PGUSER to its private cluster).
#
# Covered: --help/--version, every exit code (0 1 2 3 4 130), usage and
# document errors, the missing extension, password masking, pull, diff
# (--exit-code, --json parsed with jq), push (confirmation, --yes, --json,
# --dry-run, renames settled by flags, destructive refusal without --force,
# enum value mappings, a server refusal), history, NO_COLOR, the prompts
# driven through a real pseudo-terminal (test/cli/pty_run.py), Ctrl-C in a
# question, at the final confirmation and while the push runs.
#
# Environment: VIBORM_BIN (default ./viborm; test/run also passes the
# sanitizer build), VIBORM_WRAPPER (a command to run it under, e.g.
# valgrind). Prints "ok - NAME" or "FAIL - NAME" per test and ends with
# "N passed, N failed"; the exit status is 0 only when nothing failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${VIBORM_BIN:-$ROOT/viborm}
read -r -a WRAP <<<"${VIBORM_WRAPPER:-}"
PTY=$ROOT/test/cli/pty_run.py
T=$(mktemp -d "${TMPDIR:-/tmp}/viborm-cli.XXXXXX")
DB=vbcli_$$        # the tests' database, with the extension
NOEXT=vbcli_$$_noext # one without
URL="dbname=$DB"
PASSED=0 FAILED=0

unset VIBORM_DATABASE_URL NO_COLOR
export PGDATABASE=postgres
# a sanitizer's or valgrind's finding exits 99, and is reported by sanitized()
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=99}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:exitcode=99}

if [ ! -x "$BIN" ]; then
	echo "run.sh: no executable $BIN (make viborm)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
if ! psql -X -qAt -c 'SELECT 1' >/dev/null 2>&1; then
	echo "run.sh: no PostgreSQL server through the libpq environment (PGHOST=${PGHOST:-})" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $NOEXT" \
		>/dev/null 2>&1
	rm -rf "$T"
}
trap cleanup EXIT

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DB" -c "CREATE DATABASE $NOEXT" \
	>/dev/null || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "CREATE EXTENSION viborm" >/dev/null || exit 1

# ---- helpers ---------------------------------------------------------------

TEST='' PROBLEMS=''

# begin NAME: a test; its checks add to PROBLEMS; end prints the verdict.
begin() {
	TEST=$1
	PROBLEMS=''
}

problem() {
	PROBLEMS+="    $*"$'\n'
}

end() {
	if [ -z "$PROBLEMS" ]; then
		PASSED=$((PASSED + 1))
		echo "ok - $TEST"
	else
		FAILED=$((FAILED + 1))
		echo "FAIL - $TEST"
		printf '%s' "$PROBLEMS"
		echo "    --- last stdout:"
		sed -n '1,40p' "$T/out" 2>/dev/null | sed 's/^/    | /'
		echo "    --- last stderr:"
		sed -n '1,40p' "$T/err" 2>/dev/null | sed 's/^/    | /'
	fi
}

# newdb: the tests' database as new: only an empty public schema, no
# history (ids from 1 again); the set-up the pg_regress suites share.
newdb() {
	psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$ROOT/test/regress/reset.sql" >/dev/null 2>&1
}

# sql QUERY: one value (or rows, |-separated) from the current database.
sql() {
	psql -X -qAt -v ON_ERROR_STOP=1 -d "$DB" -c "$1"
}

# doc NAME JSON: writes a document file; prints its path.
doc() {
	printf '%s\n' "$2" >"$T/$1.json"
	echo "$T/$1.json"
}

# sanitized FILE: a finding of ASan/UBSan or valgrind in FILE is a problem
sanitized() {
	if grep -Eq '(AddressSanitizer|LeakSanitizer|runtime error:|^==[0-9]+== )' "$1"; then
		problem "sanitizer or valgrind report:"
		PROBLEMS+=$(grep -E -m 20 '(Sanitizer|runtime error|^==[0-9]+==)' "$1" | sed 's/^/      /')$'\n'
	fi
}

# vb ARGS...: runs viborm without a terminal; stdout, stderr in $T/out,
# $T/err; exit status in RC.
vb() {
	"${WRAP[@]}" "$BIN" "$@" >"$T/out" 2>"$T/err" </dev/null
	RC=$?
	sanitized "$T/err"
}

# tty STEPS... -- ARGS...: runs viborm on a pseudo-terminal (pty_run.py);
# the transcript in $T/raw, without escape sequences in $T/out; exit
# status in RC.
tty() {
	local steps=()
	while [ "$1" != -- ]; do
		steps+=("$1")
		shift
	done
	shift
	python3 "$PTY" --timeout 60 "${steps[@]}" -- "${WRAP[@]}" "$BIN" "$@" >"$T/raw" 2>"$T/err"
	RC=$?
	sed -E $'s/\033\\[[0-9;?]*[A-Za-z]//g; s/\r//g' "$T/raw" >"$T/out"
	sanitized "$T/out"
}

expect_rc() {
	[ "$RC" -eq "$1" ] || problem "exit status $RC, expected $1"
}

# expect_out / expect_err REGEX (grep -E); expect_no_out / expect_no_err
expect_out() {
	grep -Eq -- "$1" "$T/out" || problem "stdout lacks /$1/"
}
expect_err() {
	grep -Eq -- "$1" "$T/err" || problem "stderr lacks /$1/"
}
expect_no_out() {
	! grep -Eq -- "$1" "$T/out" || problem "stdout has /$1/"
}
expect_no_err() {
	! grep -Eq -- "$1" "$T/err" || problem "stderr has /$1/"
}

# expect_sql QUERY VALUE: the query's result in the current database
expect_sql() {
	local got
	got=$(sql "$1" 2>&1)
	[ "$got" = "$2" ] || problem "$1: got '$got', expected '$2'"
}

# expect_jq FILTER VALUE: jq -r FILTER on stdout
expect_jq() {
	local got
	got=$(jq -r "$1" "$T/out" 2>&1)
	[ "$got" = "$2" ] || problem "jq '$1': got '$got', expected '$2'"
}

history_count() {
	sql "SELECT count(*) FROM viborm.history"
}

# ---- documents ---------------------------------------------------------------

USERS_V1='{"tables": [{"name": "users", "columns": [
  {"name": "id", "type": "serial"},
  {"name": "username", "type": "text", "nullable": false},
  {"name": "age", "type": "int"}],
  "primaryKey": {"columns": ["id"]}}]}'
# username becomes handle (a rename candidate), email is new
USERS_V2='{"tables": [{"name": "users", "columns": [
  {"name": "id", "type": "serial"},
  {"name": "handle", "type": "text", "nullable": false},
  {"name": "age", "type": "int"},
  {"name": "email", "type": "text"}],
  "primaryKey": {"columns": ["id"]}}]}'
# age is gone: destructive
USERS_NO_AGE='{"tables": [{"name": "users", "columns": [
  {"name": "id", "type": "serial"},
  {"name": "username", "type": "text", "nullable": false}],
  "primaryKey": {"columns": ["id"]}}]}'
MOOD_V1='{"enums": [{"name": "mood", "values": ["sad", "ok", "happy"]}],
  "tables": [{"name": "diary", "columns": [{"name": "id", "type": "int"}, {"name": "m", "type": "mood"}]}]}'
# sad is gone (rows hold it), nothing is added: a mapping question
MOOD_NO_SAD='{"enums": [{"name": "mood", "values": ["ok", "happy"]}],
  "tables": [{"name": "diary", "columns": [{"name": "id", "type": "int"}, {"name": "m", "type": "mood"}]}]}'
# happy becomes glad: an enum value rename candidate
MOOD_GLAD='{"enums": [{"name": "mood", "values": ["sad", "ok", "glad"]}],
  "tables": [{"name": "diary", "columns": [{"name": "id", "type": "int"}, {"name": "m", "type": "mood"}]}]}'

V1=$(doc v1 "$USERS_V1")
V2=$(doc v2 "$USERS_V2")
NO_AGE=$(doc no_age "$USERS_NO_AGE")
M1=$(doc m1 "$MOOD_V1")
M_NO_SAD=$(doc m_no_sad "$MOOD_NO_SAD")
M_GLAD=$(doc m_glad "$MOOD_GLAD")

# users v1 with two rows, in a new database
users_db() {
	newdb
	vb push --url "$URL" --schema "$V1" --yes
	sql "INSERT INTO users (username, age) VALUES ('ann', 30), ('bob', NULL)" >/dev/null
}

mood_db() {
	newdb
	vb push --url "$URL" --schema "$M1" --yes
	sql "INSERT INTO diary VALUES (1, 'sad'), (2, 'happy'), (3, 'sad')" >/dev/null
}

# ---- 1. the command itself ---------------------------------------------------

begin "version and help"
vb --version
expect_rc 0
expect_out '^viborm [0-9]+\.[0-9]+\.[0-9]+$'
vb --help
expect_rc 0
for word in pull diff push history 'Exit codes' '^    0 ' '^    1 ' '^    2 ' '^    3 ' '^    4 ' '^    130 '; do
	expect_out "$word"
done
vb push --help
expect_rc 0
expect_out '^usage: viborm push '
expect_out '--rename FROM=TO'
expect_out '--map-enum'
vb help history
expect_rc 0
expect_out '^usage: viborm history '
expect_out '--limit N'
end

# The PostgreSQL and MySQL drivers are modules beside the program (a build
# where they are linked in, the sanitizer build, has none to test).
# (grep reads to the end: with pipefail, -q would fail the pipe as it
# stops nm early)
if ! nm -D --defined-only "$BIN" | grep ' cli_driver_postgres$' >/dev/null; then
	begin "driver modules: loaded from beside the program; a broken one is a clear error"
	if ldd "$BIN" | grep -E 'libpq|libmariadb|libmysqlclient' >/dev/null; then
		problem "the program links a client library: $(ldd "$BIN" | grep -E 'libpq|libmariadb|libmysql')"
	fi
	mkdir -p "$T/mods"
	cp "$BIN" "$T/mods/viborm"
	cp "$(dirname "$BIN")/viborm-postgresql.so" "$T/mods/"
	"${WRAP[@]}" "$T/mods/viborm" pull --url "dbname=$DB" >"$T/out" 2>"$T/err" </dev/null
	RC=$?
	expect_rc 0
	expect_out '"tables"'
	: >"$T/mods/viborm-postgresql.so"
	"${WRAP[@]}" "$T/mods/viborm" pull --url "dbname=$DB" >"$T/out" 2>"$T/err" </dev/null
	RC=$?
	expect_rc 1
	expect_err '58P01: cannot load the PostgreSQL driver: .*viborm-postgresql.so'
	[ -s "$T/out" ] && problem "stdout is not empty"
	end
fi

begin "usage errors exit 2"
vb
expect_rc 2
expect_err '^usage: viborm <command>'
vb frobnicate
expect_rc 2
expect_err "'frobnicate' is not a viborm command"
vb diff --url "dbname=postgres"
expect_rc 2
expect_err "'viborm diff' needs --schema FILE"
vb push --schema "$V1" --url "dbname=postgres" --bogus
expect_rc 2
expect_err "unknown option '--bogus'"
vb diff --schema "$V1" --force --url "dbname=postgres"
expect_rc 2
expect_err "'viborm diff' does not take --force"
vb history --limit 0 --url "dbname=postgres"
expect_rc 2
vb pull
expect_rc 2
expect_err 'no database given'
expect_err 'VIBORM_DATABASE_URL'
vb pull --url "redis://localhost/0"
expect_rc 2
expect_err 'unknown kind of URL'
vb pull --url "$T/app.db"
expect_rc 1
expect_err "no SQLite database at $T/app.db"
vb pull --url "mysql://root@127.0.0.1:1/shop"
expect_rc 1
expect_err 'could not connect to mysql://root@127\.0\.0\.1:1/shop'
vb push --url "dbname=postgres" --schema "$V1" --rename 'nonsense'
expect_rc 2
expect_err "--rename 'nonsense': expected"
end

begin "the URL anywhere on the line, or from VIBORM_DATABASE_URL"
newdb
vb --url "$URL" pull
expect_rc 0
expect_jq '.dialect' pg
vb pull --schemas public --url "$URL"
expect_rc 0
VIBORM_DATABASE_URL="$URL" vb pull
expect_rc 0
expect_jq '.schemas[0]' public
VIBORM_DATABASE_URL="postgres://nobody@127.0.0.1:1/none" vb pull --url "$URL"
expect_rc 0
end

# ---- 2. documents --------------------------------------------------------

begin "unreadable and invalid documents exit 2 naming file and JSON path"
newdb
vb diff --url "$URL" --schema "$T/missing.json"
expect_rc 2
expect_err "cannot read $T/missing.json: No such file"
vb diff --url "$URL" --schema "$(doc broken '{"tables": [')"
expect_rc 2
expect_err 'broken.json: the schema document is not valid JSON \(line 2, column 1\)'
vb diff --url "$URL" --schema "$(doc typo '{"tables": [{"name": "t", "colums": []}]}')"
expect_rc 2
expect_err 'typo.json: .*"tables\[0\]\.colums"'
expect_err 'JSON path: tables\[0\]\.colums'
vb diff --url "$URL" --schema "$(doc lite '{"dialect": "sqlite", "tables": []}')"
expect_rc 2
expect_err 'lite.json: the document is for dialect "sqlite", the target is "pg"'
vb diff --url "$URL" --schema "$(doc models '{"models": {"user": {"fields": [{"key": "id", "type": "txt"}]}}}')"
expect_rc 2
expect_err 'models.json: models\.user\.fields\[0\]\.type'
# valid JSON that only the server can judge: its VB001 is a usage error too
vb diff --url "$URL" --schema "$(doc badtype '{"tables": [{"name": "t", "columns": [{"name": "a", "type": "integr"}]}]}')"
expect_rc 2
expect_err 'VB001: .*type "integr" does not exist'
expect_err 'JSON path: tables\[0\]\.columns\[0\]\.type'
expect_sql "SELECT count(*) FROM pg_class WHERE relname = 't'" 0
end

begin "the document from stdin, in either form"
newdb
"${WRAP[@]}" "$BIN" diff --url "$URL" --schema - --json <"$V1" >"$T/out" 2>"$T/err"
RC=$?
sanitized "$T/err"
expect_rc 0
expect_jq '.operations[0].kind' createTable
printf '%s' '{"models": {"user": {"fields": [{"key": "id", "type": "int", "isId": true}]}}}' |
	"${WRAP[@]}" "$BIN" diff --url "$URL" --schema=- --json >"$T/out" 2>"$T/err"
RC=$?
sanitized "$T/err"
expect_rc 0
expect_jq '.operations[0].model' user
end

# ---- 3. the target ----------------------------------------------------------

begin "a database without the extension: exit 1 with the CREATE EXTENSION hint"
vb diff --url "dbname=$NOEXT" --schema "$V1"
expect_rc 1
expect_err "the viborm extension is not installed in database \"$NOEXT\""
expect_err 'hint: Run CREATE EXTENSION viborm;'
vb history --url "dbname=$NOEXT"
expect_rc 1
expect_err 'CREATE EXTENSION viborm'
end

begin "passwords are masked in error messages"
vb pull --url "postgres://alice:hunter2@127.0.0.1:1/shop"
expect_rc 1
expect_err 'could not connect to postgres://alice:\*\*\*@127\.0\.0\.1:1/shop'
expect_no_err hunter2
vb pull --url "host=127.0.0.1 port=1 password='hunter 2' dbname=shop"
expect_rc 1
expect_err "could not connect to host=127\.0\.0\.1 port=1 password=\*\*\* dbname=shop"
expect_no_err hunter
vb pull --url "postgresql://127.0.0.1:1/shop?password=hunter2&user=alice"
expect_rc 1
expect_err 'password=\*\*\*&user=alice'
expect_no_err hunter2
vb pull --url "mysql://alice:hunter2@localhost/shop?ssl=1"
expect_rc 2
expect_err 'mysql://alice:\*\*\*@localhost'
expect_err 'unknown parameter "ssl"'
expect_no_err hunter2
vb pull --url "mariadb://alice:hunter2@127.0.0.1:1/shop"
expect_rc 1
expect_err 'could not connect to mariadb://alice:\*\*\*@127\.0\.0\.1:1/shop'
expect_no_err hunter2
end

# ---- 4. pull, diff, push ----------------------------------------------------

begin "pull prints the live schema; pushed back it changes nothing"
users_db
sql "CREATE SCHEMA app; CREATE TABLE app.items (id int PRIMARY KEY)" >/dev/null
vb pull --url "$URL"
expect_rc 0
expect_jq '[.tables[].name] | join(",")' users
expect_jq '.tables[0].columns[1].name' username
vb pull --url "$URL" --schemas app,public --out "$T/pulled.json"
expect_rc 0
expect_err 'Wrote the schema \(2 tables\) to '
[ -s "$T/out" ] && problem "--out wrote to stdout too"
[ "$(jq -r '[.tables[] | .schema + "." + .name] | sort | join(",")' "$T/pulled.json")" = app.items,public.users ] ||
	problem "pulled.json lacks app.items and public.users"
vb diff --url "$URL" --schema "$T/pulled.json" --exit-code
expect_rc 0
expect_out '^No changes: the database matches the document\.$'
n=$(history_count)
vb push --url "$URL" --schema "$T/pulled.json"
expect_rc 0
expect_out '^No changes'
expect_sql "SELECT count(*) FROM viborm.history" "$n"
vb pull --url "$URL" --out "$T/no/such/dir/x.json"
expect_rc 2
expect_err "cannot write $T/no/such/dir/x.json"
end

begin "diff shows the plan, changes nothing; --exit-code gives 3"
users_db
vb diff --url "$URL" --schema "$NO_AGE"
expect_rc 0
expect_out '^1 operation to apply \(1 destructive\):$'
expect_out '^  - dropColumn +public\.users\.age  \(destructive\)$'
expect_no_out 'ALTER TABLE'
vb diff --url "$URL" --schema "$NO_AGE" -v
expect_out '^      ALTER TABLE public\.users DROP COLUMN age;$'
expect_out '\[accessExclusiveLock'
vb diff --url "$URL" --schema "$NO_AGE" --exit-code
expect_rc 3
vb diff --url "$URL" --schema "$V1" --exit-code
expect_rc 0
expect_sql "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'" 3
end

begin "diff --json prints exactly the result object"
users_db
vb diff --url "$URL" --schema "$V2" --json
expect_rc 0
jq -e . "$T/out" >/dev/null || problem "stdout is not one JSON document"
expect_jq 'keys | sort | join(",")' 'ambiguous,applied,destructive,hazards,operations,sql,unmanaged'
expect_jq '.applied' false
expect_jq '.ambiguous[0] | [.kind, .table, .from, .to] | join(" ")' 'column users username handle'
expect_jq '[.operations[].kind] | sort | join(",")' 'addColumn,addColumn,dropColumn'
[ -s "$T/err" ] && problem "stderr is not empty"
vb diff --url "$URL" --schema "$V2" --json --exit-code
expect_rc 3
end

begin "diff lists rename candidates with the flag that settles them, and asks nothing"
users_db
vb diff --url "$URL" --schema "$V2"
expect_rc 0
expect_out '^Rename candidates \(planned above as drop and add\):$'
expect_out '\? column public\.users: username -> handle +--rename users\.username=users\.handle$'
vb diff --url "$URL" --schema "$V2" --rename users.username=users.handle --json
expect_rc 0
expect_jq '.ambiguous | length' 0
expect_jq '[.operations[].kind] | join(",")' 'renameColumn,addColumn'
end

begin "push without a terminal: --yes answers the confirmation; exit 4 without it"
newdb
vb push --url "$URL" --schema "$V1"
expect_rc 4
expect_err "has questions and no terminal"
expect_err 'the final confirmation: --yes'
expect_sql "SELECT count(*) FROM pg_class WHERE relname = 'users'" 0
vb push --url "$URL" --schema "$V1" --yes
expect_rc 0
expect_out '^1 operation to apply:$'
expect_out '^  \+ createTable +public\.users$'
expect_out '^Applied 1 operation in [0-9.]+ s \(history #[0-9]+\)\.$'
expect_sql "SELECT count(*) FROM pg_class WHERE relname = 'users'" 1
vb push --url "$URL" --schema "$V1"
expect_rc 0
expect_out '^No changes: the database matches the document\.$'
expect_sql "SELECT count(*) FROM viborm.history" 1
end

begin "push --json prints only the result object"
newdb
vb push --url "$URL" --schema "$V1" --yes --json
expect_rc 0
jq -e . "$T/out" >/dev/null || problem "stdout is not one JSON document"
expect_jq '.applied' true
expect_jq '.historyId | type' number
expect_jq '.operations[0].kind' createTable
[ "$(wc -l <"$T/out")" -eq 1 ] || problem "stdout has more than the result"
vb push --url "$URL" --schema "$V1" --json
expect_rc 0
expect_jq '.applied' false
expect_jq 'has("historyId")' false
end

begin "push --dry-run shows the SQL and applies nothing"
users_db
n=$(history_count)
vb push --url "$URL" --schema "$V2" --dry-run --rename users.username=users.handle
expect_rc 0
expect_out '^      ALTER TABLE public\.users RENAME COLUMN username TO handle;$'
expect_out '^      ALTER TABLE public\.users ADD COLUMN email text;$'
expect_out '^Dry run: the plan passed every check; nothing was applied\.$'
expect_sql "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'users'" id,username,age
expect_sql "SELECT count(*) FROM viborm.history" "$n"
vb push --url "$URL" --schema "$V2" --dry-run --rename users.username=users.handle --json
expect_rc 0
expect_jq '.applied' false
end

begin "renames settled by flags keep the data"
users_db
vb push --url "$URL" --schema "$V2" --yes
expect_rc 4
expect_err '\? Column "username" of public\.users is gone and column "handle" is new'
expect_err '--rename users\.username=users\.handle'
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'handle'" 0
vb push --url "$URL" --schema "$V2" --yes --rename users.username=users.handle
expect_rc 0
expect_out '^  > renameColumn +public\.users\.handle$'
expect_sql "SELECT string_agg(handle, ',' ORDER BY id) FROM users" ann,bob
# a table rename, its columns unchanged
sql "CREATE TABLE accounts (id int PRIMARY KEY, name text, note text); INSERT INTO accounts VALUES (1, 'x', 'y')" >/dev/null
vb pull --url "$URL" --out "$T/acc.json"
jq '(.tables[] | select(.name == "accounts") | .name) = "members"
    | del(.tables[] | select(.name == "members") | .primaryKey.name)' "$T/acc.json" >"$T/members.json"
vb push --url "$URL" --schema "$T/members.json" --yes --rename public.accounts=public.members
expect_rc 0
expect_sql "SELECT name || note FROM members" xy
expect_sql "SELECT to_regclass('accounts') IS NULL" t
# a --rename that names no pair
vb push --url "$URL" --schema "$T/members.json" --yes --rename members.nme=members.name
expect_rc 2
expect_err '--rename members\.nme=members\.name names no rename candidate of this plan'
end

begin "a table rename reveals a column pair, settled in the next round"
newdb
sql "CREATE TABLE accounts (id int PRIMARY KEY, a int, b int, c int, name text); INSERT INTO accounts VALUES (1, 1, 2, 3, 'ann')" >/dev/null
MEMBERS=$(doc members2 '{"tables": [{"name": "members", "columns": [{"name": "id", "type": "int"},
  {"name": "a", "type": "int"}, {"name": "b", "type": "int"}, {"name": "c", "type": "int"},
  {"name": "nick", "type": "text"}], "primaryKey": {"columns": ["id"]}}]}')
# the column pair exists only once the table pair is settled: diff warns
vb diff --url "$URL" --schema "$MEMBERS" --rename members.name=members.nick
expect_rc 0
expect_err 'warning: --rename members\.name=members\.nick names no rename candidate of this plan yet'
expect_out '\? table public: accounts -> members +--rename accounts=members'
vb diff --url "$URL" --schema "$MEMBERS" --rename members.name=members.nick --rename accounts=members --json
expect_rc 0
expect_jq '[.operations[].kind] | join(",")' 'renameTable,renameColumn,renameConstraint'
expect_jq '.ambiguous | length' 0
vb push --url "$URL" --schema "$MEMBERS" --yes --rename accounts=members
expect_rc 4
expect_err '--rename members\.name=members\.nick'
vb push --url "$URL" --schema "$MEMBERS" --yes --rename accounts=members --rename members.name=members.nick
expect_rc 0
expect_sql "SELECT nick FROM members" ann
end

begin "--resolve settles every pair; an enum value rename"
mood_db
vb push --url "$URL" --schema "$M_GLAD" --yes
expect_rc 4
expect_err '--rename mood:happy=glad'
vb push --url "$URL" --schema "$M_GLAD" --yes --resolve rename
expect_rc 0
expect_out 'renameEnumValue'
expect_sql "SELECT string_agg(m::text, ',' ORDER BY id) FROM diary" sad,glad,sad
mood_db
vb push --url "$URL" --schema "$M_GLAD" --yes --rename mood:happy=glad
expect_rc 0
expect_sql "SELECT enum_range(NULL::mood)::text" '{sad,ok,glad}'
end

begin "destructive steps need --force (exit 4 without a terminal)"
users_db
vb push --url "$URL" --schema "$NO_AGE" --yes
expect_rc 4
expect_err 'destructive steps, allowed by --force:'
expect_err 'dropColumn public\.users\.age: drops column'
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'age'" 1
vb push --url "$URL" --schema "$NO_AGE" --yes --force
expect_rc 0
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'age'" 0
# add+drop of a rename pair is destructive too
users_db
vb push --url "$URL" --schema "$V2" --yes --resolve add-drop
expect_rc 4
expect_err 'dropColumn public\.users\.username'
vb push --url "$URL" --schema "$V2" --yes --resolve add-drop --force
expect_rc 1
expect_err 'VB006: data guard failed'
end

begin "a removed enum value that rows hold needs --map-enum"
mood_db
vb diff --url "$URL" --schema "$M_NO_SAD" --json
expect_rc 0
expect_jq '.heldEnumValues[0] | [.enum, .value, .object, .column, .rows] | map(tostring) | join(" ")' \
	'mood sad public.diary m 2'
vb push --url "$URL" --schema "$M_NO_SAD" --yes
expect_rc 4
expect_err 'Value "sad" of enum public\.mood is removed, but rows hold it \(2 in public\.diary\.m\)'
expect_err '--map-enum mood\.sad=VALUE'
vb push --url "$URL" --schema "$M_NO_SAD" --yes --map-enum mood.sad=ok
expect_rc 0
expect_sql "SELECT string_agg(m::text, ',' ORDER BY id) FROM diary" ok,happy,ok
mood_db
vb push --url "$URL" --schema "$M_NO_SAD" --yes --map-enum mood.sad=
expect_rc 0
expect_sql "SELECT count(*) FROM diary WHERE m IS NULL" 2
end

begin "the server's refusal exits 1 with its code, detail and hint"
users_db
vb push --url "$URL" --schema "$(doc notnull "$(printf '%s' "$USERS_V1" | sed 's/"name": "age", "type": "int"/"name": "age", "type": "int", "nullable": false/')")" --yes
expect_rc 1
expect_err '^error: VB006: data guard failed: 1 row of public\.users: NULL in column "age"'
expect_err '^detail: Operation 0 \(alterColumn age\)'
expect_err '^hint: .*Nothing was applied\.'
expect_sql "SELECT count(*) FROM users WHERE age IS NULL" 1
vb push --url "$URL" --schema "$V1" --yes --lock-timeout 5seconds
expect_rc 2
expect_err 'VB001: options\.lockTimeout must be a duration'
end

begin "history lists the pushes, newest first"
users_db
vb push --url "$URL" --schema "$V2" --yes --rename users.username=users.handle
vb history --url "$URL"
expect_rc 0
expect_out '^#2  [0-9-]+ [0-9:]+ UTC  by [a-z_]+  2 operations  [0-9]+ ms$'
expect_out '^  > renameColumn +public\.users\.handle$'
expect_out '^#1 '
vb history --url "$URL" --json --limit 1
expect_rc 0
expect_jq '.history | length' 1
expect_jq '.history[0] | [.id, .kind, (.operations | length), (.sql | length)] | map(tostring) | join(" ")' '2 push 2 2'
expect_jq '.history[0].checksum | length' 64
expect_jq '.history[0].appliedAt | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$")' true
newdb
vb history --url "$URL"
expect_rc 0
expect_out '^No pushes recorded yet\.$'
end

# ---- 5. the terminal -------------------------------------------------------

ESC=$'\033'

begin "colours only on a terminal, never with NO_COLOR"
users_db
vb diff --url "$URL" --schema "$NO_AGE"
grep -q "$ESC" "$T/out" "$T/err" && problem "escape codes without a terminal"
tty -- diff --url "$URL" --schema "$NO_AGE"
expect_rc 0
grep -q "$ESC\[31m" "$T/raw" || problem "no colour on a terminal"
NO_COLOR=1 tty -- diff --url "$URL" --schema "$NO_AGE"
expect_rc 0
expect_out 'dropColumn'
grep -q "$ESC\[[0-9;]*m" "$T/raw" && problem "colour with NO_COLOR set"
end

begin "prompt: a rename pair answered rename, then the confirmation"
users_db
tty 'expect:Is it renamed' 'expect:rename username -> handle' send:enter \
	'expect:Apply 2 operations to' send:enter -- push --url "$URL" --schema "$V2"
expect_rc 0
expect_out 'Applied 2 operations'
expect_sql "SELECT string_agg(handle, ',' ORDER BY id) FROM users" ann,bob
end

begin "prompt: drop and add, then the destructive step confirmed"
users_db
sql "ALTER TABLE users ALTER COLUMN username DROP NOT NULL" >/dev/null
# username is then a candidate for email too: drop and add again
tty 'expect:Is it renamed' send:down,enter 'expect:and column "email" is new' send:down,enter \
	'expect:This plan destroys data' \
	'expect:Proceed with 1 destructive step' send:down,enter \
	'expect:Apply 3 operations' send:enter -- push --url "$URL" --schema "$(doc v2null "$(printf '%s' "$USERS_V2" | sed 's/"type": "text", "nullable": false/"type": "text"/')")"
expect_rc 0
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'username'" 0
expect_sql "SELECT count(*) FROM users WHERE handle IS NULL" 2
end

begin "prompt: a removed enum value mapped to a value of the document"
mood_db
tty 'expect:What should they hold instead' 'expect:NULL \(no value\)' send:down,enter \
	'expect:Apply 1 operation' send:enter -- push --url "$URL" --schema "$M_NO_SAD"
expect_rc 0
expect_sql "SELECT string_agg(m::text, ',' ORDER BY id) FROM diary" happy,happy,happy
end

begin "prompt: aborting the destructive step or the confirmation exits 1, nothing applied"
users_db
n=$(history_count)
tty 'expect:Proceed with 1 destructive step' send:enter -- push --url "$URL" --schema "$NO_AGE"
expect_rc 1
expect_out 'aborted: nothing was applied'
tty 'expect:Apply 1 operation' send:down,enter -- push --url "$URL" --schema "$NO_AGE" --force
expect_rc 1
expect_out 'aborted: nothing was applied'
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'age'" 1
expect_sql "SELECT count(*) FROM viborm.history" "$n"
end

begin "prompt: --yes skips only the confirmation; diff asks nothing on a terminal"
users_db
tty 'expect:Is it renamed' send:enter -- push --url "$URL" --schema "$V2" --yes
expect_rc 0
expect_no_out 'Apply 2 operations'
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'handle'" 1
users_db
tty -- diff --url "$URL" --schema "$V2"
expect_rc 0
expect_no_out 'Is it renamed'
expect_out 'Rename candidates'
end

begin "Ctrl-C in a question exits 130, nothing applied, the terminal restored"
users_db
n=$(history_count)
tty 'expect:Is it renamed' send:down 'expect:> drop username' send:ctrl-c -- push --url "$URL" --schema "$V2"
expect_rc 130
expect_out 'interrupted: nothing was applied'
grep -q "$ESC\[?25h" "$T/raw" || problem "the cursor was not shown again"
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'handle'" 0
expect_sql "SELECT count(*) FROM viborm.history" "$n"
end

begin "Ctrl-C at the final confirmation exits 130, nothing applied"
users_db
n=$(history_count)
tty 'expect:Is it renamed' send:enter 'expect:Apply 2 operations' send:ctrl-c -- push --url "$URL" --schema "$V2"
expect_rc 130
expect_out 'interrupted: nothing was applied'
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'handle'" 0
expect_sql "SELECT count(*) FROM viborm.history" "$n"
end

begin "Ctrl-C while the push runs cancels it (PQcancel): 130, nothing applied"
users_db
n=$(history_count)
# another session holds a lock the push's ALTER TABLE must wait for
psql -X -q -d "$DB" -c "BEGIN; LOCK TABLE users IN ACCESS SHARE MODE; SELECT pg_sleep(60)" >/dev/null 2>&1 &
locker=$!
for _ in $(seq 100); do
	[ "$(sql "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'users' AND l.granted AND l.pid <> pg_backend_pid()")" -ge 1 ] && break
	sleep 0.1
done
"${WRAP[@]}" "$BIN" push --url "$URL" --schema "$V2" --yes --rename users.username=users.handle \
	--lock-timeout 60s >"$T/out" 2>"$T/err" </dev/null &
pusher=$!
waiting=0
for _ in $(seq 300); do
	if [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'viborm' AND wait_event_type = 'Lock'")" -ge 1 ]; then
		waiting=1
		break
	fi
	sleep 0.1
done
[ "$waiting" = 1 ] || problem "the push never waited for the lock"
started=$SECONDS
kill -INT "$pusher"
wait "$pusher"
RC=$?
sanitized "$T/err"
[ $((SECONDS - started)) -le 10 ] || problem "the push took $((SECONDS - started)) s to stop"
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
expect_rc 130
expect_err '^interrupted: .*cancel.*; nothing was applied$'
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'handle'" 0
expect_sql "SELECT count(*) FROM viborm.history" "$n"
expect_sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'viborm'" 0
end

begin "on a terminal a waiting push shows its progress; Ctrl-C cancels it"
users_db
n=$(history_count)
psql -X -q -d "$DB" -c "BEGIN; LOCK TABLE users IN ACCESS SHARE MODE; SELECT pg_sleep(60)" >/dev/null 2>&1 &
locker=$!
tty 'expect:applying\.\.\. [0-9]+\.[0-9]s' send:ctrl-c -- push --url "$URL" --schema "$V2" --yes \
	--rename users.username=users.handle --lock-timeout 60s
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
expect_rc 130
expect_out 'interrupted: .*cancel.*; nothing was applied$'
expect_sql "SELECT count(*) FROM information_schema.columns WHERE column_name = 'handle'" 0
expect_sql "SELECT count(*) FROM viborm.history" "$n"
end

# ---- SQLite files: the command plans and applies itself ---------------------

LITE_V1=$ROOT/examples/blog-sqlite.json
LITE_V2=$ROOT/examples/blog-sqlite-v2.json
# lite_db: a new file with the first version pushed and a user row
lite_db() {
	rm -f "$T/lite.db"
	sqlite3 "$T/lite.db" ""
	"$BIN" push --url "$T/lite.db" --schema "$LITE_V1" --yes >/dev/null 2>&1
	sqlite3 "$T/lite.db" "INSERT INTO users (id, email, name) VALUES (1, 'ann@example.com', 'Ann')"
}
lite() {
	sqlite3 "$T/lite.db" "$1"
}
expect_lite() {
	local got
	got=$(lite "$1" 2>&1)
	[ "$got" = "$2" ] || problem "$1: got '$got', expected '$2'"
}

begin "sqlite: push --json applies, a second push plans nothing, pull reads it back"
rm -f "$T/lite.db"
sqlite3 "$T/lite.db" ""
vb push --url "sqlite:$T/lite.db" --schema "$LITE_V1" --yes --json
expect_rc 0
expect_jq '.applied' true
expect_jq '[.operations[].kind] | sort | join(",")' "createIndex,createTable,createTable"
vb push --url "$T/lite.db" --schema "$LITE_V1" --yes --json
expect_rc 0
expect_jq '.applied' false
expect_jq '.operations | length' 0
vb pull --url "$T/lite.db"
expect_rc 0
expect_jq '.dialect' sqlite
expect_jq '[.tables[].name] | sort | join(",")' "post,users"
expect_lite "SELECT count(*) FROM _viborm_history" 1
end

begin "sqlite: a rename candidate without a terminal exits 4 and applies nothing"
lite_db
vb push --url "$T/lite.db" --schema "$LITE_V2" --yes
expect_rc 4
expect_err 'rename main.users.name=main.users.display_name'
expect_lite "SELECT count(*) FROM _viborm_history" 1
expect_lite "SELECT name FROM users" Ann
end

begin "sqlite: the rename settled by its flag keeps the row; diff --exit-code is 3 before, 0 after"
lite_db
vb diff --url "$T/lite.db" --schema "$LITE_V2" --exit-code --rename users.name=users.display_name
expect_rc 3
vb push --url "$T/lite.db" --schema "$LITE_V2" --rename users.name=users.display_name --yes --json
expect_rc 0
expect_jq '[.operations[].kind] | sort | join(",")' "addColumn,rebuildTable,renameColumn"
expect_lite "SELECT display_name FROM users WHERE id = 1" Ann
vb diff --url "$T/lite.db" --schema "$LITE_V2" --exit-code
expect_rc 0
end

begin "sqlite: a unique key the rows break exits 1 with its code and changes nothing"
lite_db
lite "INSERT INTO post (id, author_id, title) VALUES (1, 1, 'a'), (2, 1, 'a')"
jq '.tables[1].uniqueConstraints = [{"columns": ["title"]}]' "$LITE_V1" >"$T/lite-uq.json"
before=$(lite "SELECT sql FROM sqlite_schema ORDER BY name")
vb push --url "$T/lite.db" --schema "$T/lite-uq.json" --yes
expect_rc 1
expect_err 'VB[0-9]{3}'
[ "$(lite "SELECT sql FROM sqlite_schema ORDER BY name")" = "$before" ] || problem "the schema changed"
expect_lite "SELECT count(*) FROM _viborm_history" 1
end

begin "sqlite: an invalid document exits 2 naming the file"
lite_db
printf '{"dialect": "sqlite", "tables": [' >"$T/lite-bad.json"
vb push --url "$T/lite.db" --schema "$T/lite-bad.json" --yes
expect_rc 2
expect_err 'lite-bad.json'
expect_lite "SELECT count(*) FROM _viborm_history" 1
end

begin "sqlite: on a terminal the rename is asked and applied"
lite_db
tty 'expect:Is it renamed' 'expect:rename name -> display_name' send:enter \
	'expect:Apply 3 operations' send:enter -- push --url "$T/lite.db" --schema "$LITE_V2"
expect_rc 0
expect_lite "SELECT display_name FROM users WHERE id = 1" Ann
expect_lite "SELECT count(*) FROM _viborm_history" 2
end

begin "sqlite: Ctrl-C at the confirmation exits 130 and leaves the file as it was"
lite_db
before=$(lite "SELECT sql FROM sqlite_schema ORDER BY name")
tty 'expect:Apply 3 operations' send:ctrl-c -- push --url "$T/lite.db" --schema "$LITE_V2" \
	--rename users.name=users.display_name
expect_rc 130
[ "$(lite "SELECT sql FROM sqlite_schema ORDER BY name")" = "$before" ] || problem "the schema changed"
expect_lite "SELECT count(*) FROM _viborm_history" 1
end

begin "sqlite: no write lock while the confirmation waits: another writer commits, the push then applies"
lite_db
tty 'expect:Apply 3 operations' \
	"run:sqlite3 '$T/lite.db' \"INSERT INTO users (id, email, name) VALUES (2, 'bob@example.com', 'Bob')\"" \
	send:enter -- push --url "$T/lite.db" --schema "$LITE_V2" --rename users.name=users.display_name
expect_rc 0
expect_lite "SELECT display_name FROM users ORDER BY id" $'Ann\nBob'
expect_lite "SELECT count(*) FROM _viborm_history" 2
end

# ---- versioned migrations (viborm migrate) -------------------------------------

# schema_of DB: the schema of a SQLite file as pull reads it (a rebuilt
# table's stored CREATE text quotes its name; the catalog is the same)
schema_of() {
	"$BIN" pull --url "$1" | jq -S .
}
M=$T/mig

begin "migrate (sqlite): generate, apply: the same schema as push; status clean; nothing new, nothing written"
rm -rf "$M" "$T/m.db"
vb migrate generate --url "$T/m.db" --dir "$M" --schema "$LITE_V1" --name initial
expect_rc 0
[ -e "$T/m.db" ] && problem "generate touched the target"
vb migrate generate --url "$T/m.db" --dir "$M" --schema "$LITE_V2"
expect_rc 4
expect_err "--rename (main\.)?users\.name=(main\.)?users\.display_name"
vb migrate generate --url "$T/m.db" --dir "$M" --schema "$LITE_V2" --rename users.name=users.display_name --json
expect_rc 0
expect_jq '.statements > 0' true
vb migrate generate --url "$T/m.db" --dir "$M" --schema "$LITE_V2"
expect_out "No schema changes"
[ "$(ls "$M"/*.sql | wc -l)" = 2 ] || problem "expected two migration files: $(ls "$M")"
[ "$(jq -r '.entries[1].checksum' "$M/meta/_journal.json")" = "$(sha256sum "$M"/0001_*.sql | cut -d' ' -f1)" ] ||
	problem "the journal's checksum is not the SHA-256 of the file"
grep -q -- '--> statement-breakpoint' "$M"/0001_*.sql || problem "no statement breakpoints"
sqlite3 "$T/m.db" ""
vb migrate apply --url "$T/m.db" --dir "$M"
expect_rc 0
expect_out "Applied 2 migrations"
lite_db
"$BIN" push --url "$T/lite.db" --schema "$LITE_V2" --rename users.name=users.display_name --yes >/dev/null 2>&1
[ "$(schema_of "$T/m.db")" = "$(schema_of "$T/lite.db")" ] || problem "migrations and push made different schemas"
vb migrate status --url "$T/m.db" --dir "$M" --json --exit-code
expect_rc 0
expect_jq '.pending' 0
expect_jq '.drift' null
expect_jq '[.migrations[].state] | join(",")' "applied,applied"
vb migrate apply --url "$T/m.db" --dir "$M"
expect_out "No migrations to apply"
sqlite3 "$T/m.db" "ALTER TABLE users ADD COLUMN sneaky int"
vb migrate status --url "$T/m.db" --dir "$M" --exit-code
expect_rc 3
expect_err "drift"
expect_err "sneaky"
sqlite3 "$T/m.db" "ALTER TABLE users DROP COLUMN sneaky"
end

begin "migrate (sqlite): refusals change nothing: edited, missing, out of order, a failing third of four files"
rm -rf "$T/m2" "$T/m2.db"
cp -r "$M" "$T/m2"
sqlite3 "$T/m2.db" ""
"$BIN" migrate apply --url "$T/m2.db" --dir "$T/m2" >/dev/null 2>&1
before=$(schema_of "$T/m2.db")
cp "$T/m2/0000_initial.sql" "$T/saved.sql"
echo "-- edited" >>"$T/m2/0000_initial.sql"
printf 'CREATE TABLE later (a int);\n' >"$T/m2/0002_later.sql"
vb migrate apply --url "$T/m2.db" --dir "$T/m2"
expect_rc 1
expect_err "VB009"
expect_err "0000 \(initial\) was edited"
vb migrate status --url "$T/m2.db" --dir "$T/m2" --exit-code --json
expect_rc 3
expect_jq '.migrations[0].state' edited
mv "$T/saved.sql" "$T/m2/0000_initial.sql"
mv "$T/m2/0001_"*.sql "$T/"
vb migrate apply --url "$T/m2.db" --dir "$T/m2"
expect_rc 1
expect_err "0001 \(.*\) is missing"
mv "$T/"0001_*.sql "$T/m2/"
printf 'CREATE TABLE merged (a int);\n' >"$T/m2/0000a_merged.sql"
vb migrate apply --url "$T/m2.db" --dir "$T/m2"
expect_rc 1
expect_err "VB010"
[ "$(schema_of "$T/m2.db")" = "$before" ] || problem "a refused apply changed the schema"
vb migrate apply --url "$T/m2.db" --dir "$T/m2" --allow-out-of-order --json
expect_rc 0
expect_jq '[.applied[].version] | join(",")' "0000a,0002"
rm -rf "$T/f" "$T/f.db"
mkdir "$T/f"
printf 'CREATE TABLE a (x int);\n' >"$T/f/0000_a.sql"
printf 'CREATE TABLE b (x int);\n' >"$T/f/0001_b.sql"
printf 'CREATE TABLE c (x int);\n--> statement-breakpoint\nINSERT INTO nowhere VALUES (1);\n' >"$T/f/0002_c.sql"
printf 'CREATE TABLE d (x int);\n' >"$T/f/0003_d.sql"
sqlite3 "$T/f.db" ""
vb migrate apply --url "$T/f.db" --dir "$T/f"
expect_rc 1
expect_err "migration 0002 \(c\), statement 2 of 2 failed: .*no such table: nowhere"
[ "$(sqlite3 "$T/f.db" "SELECT count(*) FROM sqlite_schema")" = 0 ] || problem "something of the four files was left"
vb migrate apply --url "$T/f.db" --dir "$T/f" --per-file
expect_rc 1
expect_sql "SELECT 1" 1
[ "$(sqlite3 "$T/f.db" "SELECT group_concat(version) FROM _viborm_migrations")" = "0000,0001" ] ||
	problem "--per-file: the files before the failing one are not applied"
end

begin "migrate (sqlite): down restores the previous schema; a down that loses data needs --force"
rm -f "$T/m3.db"
sqlite3 "$T/m3.db" ""
"$BIN" migrate apply --url "$T/m3.db" --dir "$M" --to 0000 >/dev/null 2>&1
after_first=$(schema_of "$T/m3.db")
"$BIN" migrate apply --url "$T/m3.db" --dir "$M" >/dev/null 2>&1
vb migrate down --url "$T/m3.db"
if grep -q -- '-- WARNING:' "$M"/meta/_down/0001_*.sql; then
	expect_rc 1
	expect_err "VB003"
	vb migrate down --url "$T/m3.db" --force
fi
expect_rc 0
expect_out "Reverted 1 migration"
[ "$(schema_of "$T/m3.db")" = "$after_first" ] || problem "down did not restore the schema after 0000"
expect_lite "SELECT 1" 1
[ "$(sqlite3 "$T/m3.db" "SELECT group_concat(version) FROM _viborm_migrations")" = "0000" ] ||
	problem "the reverted migration is still recorded"
end

begin "migrate (sqlite): the down file renames back what the up file renamed (renamedFrom, --rename of a column of a renamed table): no warning, the rows kept"
rm -rf "$T/rn" "$T/rn.db"
cat >"$T/rn1.json" <<'EOF'
{"tables": [{"name": "person", "columns": [{"name": "id", "type": "integer", "nullable": false},
  {"name": "nm", "type": "text"}, {"name": "age", "type": "integer"}, {"name": "city", "type": "text"}],
  "primaryKey": {"columns": ["id"]}}]}
EOF
jq '.tables[0] |= (.name = "people" | .renamedFrom = "person" | .columns[1] |= (.name = "full_name" | .renamedFrom = "nm"))' \
	"$T/rn1.json" >"$T/rn2.json"
jq '.tables[0] |= (.name = "folks" | del(.renamedFrom) | .columns[1] |= (.name = "label" | del(.renamedFrom)))' \
	"$T/rn2.json" >"$T/rn3.json"
vb migrate generate --url "$T/rn.db" --dir "$T/rn" --schema "$T/rn1.json" --name initial
expect_rc 0
vb migrate generate --url "$T/rn.db" --dir "$T/rn" --schema "$T/rn2.json" --name by-renamed-from
expect_rc 0
vb migrate generate --url "$T/rn.db" --dir "$T/rn" --schema "$T/rn3.json" --name by-flags \
	--rename people=folks --rename folks.full_name=folks.label
expect_rc 0
for f in "$T"/rn/meta/_down/000[12]_*.sql; do
	! grep -q -- '-- WARNING:' "$f" || problem "$(basename "$f"): the down file has warnings: $(grep -- '-- WARNING:' "$f")"
	grep -qi 'RENAME' "$f" || problem "$(basename "$f"): the down file renames nothing: $(cat "$f")"
done
sqlite3 "$T/rn.db" ""
"$BIN" migrate apply --url "$T/rn.db" --dir "$T/rn" --to 0000 >/dev/null 2>&1
before=$(schema_of "$T/rn.db")
sqlite3 "$T/rn.db" "INSERT INTO person VALUES (1, 'Ann', 36, 'Oslo')"
"$BIN" migrate apply --url "$T/rn.db" --dir "$T/rn" >/dev/null 2>&1
[ "$(sqlite3 "$T/rn.db" "SELECT label FROM folks")" = Ann ] || problem "the up migrations lost the row"
vb migrate down --url "$T/rn.db" --steps 2
expect_rc 0
[ "$(schema_of "$T/rn.db")" = "$before" ] || problem "down did not restore the schema after 0000"
[ "$(sqlite3 "$T/rn.db" "SELECT nm FROM person" 2>&1)" = Ann ] || problem "down lost the row"
end

begin "migrate (sqlite): two applies at once apply every file exactly once"
rm -f "$T/m4.db"
sqlite3 "$T/m4.db" ""
"${WRAP[@]}" "$BIN" migrate apply --url "$T/m4.db" --dir "$M" >"$T/a1" 2>&1 &
p1=$!
"${WRAP[@]}" "$BIN" migrate apply --url "$T/m4.db" --dir "$M" >"$T/a2" 2>&1 &
p2=$!
wait $p1 || problem "the first apply failed: $(cat "$T/a1")"
wait $p2 || problem "the second apply failed: $(cat "$T/a2")"
[ "$(sqlite3 "$T/m4.db" "SELECT count(*) || '/' || count(DISTINCT version) FROM _viborm_migrations")" = "2/2" ] ||
	problem "not every file once"
[ "$(grep -ho 'Applied [0-9]*' "$T/a1" "$T/a2" | sort | tr '\n' ' ')" = "Applied 2 " ] ||
	problem "expected one apply of both files: $(cat "$T/a1" "$T/a2")"
end

begin "migrate (sqlite): baseline records without running; a directory in VibORM's TypeScript layout applies"
lite_db
vb migrate baseline 0000 --url "$T/lite.db" --dir "$M" --json
expect_rc 0
expect_jq '.applied[0].statements' 0
vb migrate apply --url "$T/lite.db" --dir "$M" --json
expect_jq '[.applied[].version] | join(",")' "0001"
expect_lite "SELECT display_name FROM users WHERE id = 1" Ann
rm -rf "$T/ts" "$T/ts.db"
mkdir -p "$T/ts/meta"
printf 'CREATE TABLE `authors` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`name` text NOT NULL\n);\n--> statement-breakpoint\nCREATE UNIQUE INDEX `authors_name_unique` ON `authors` (`name`);' >"$T/ts/0000_swift_falcon.sql"
printf '{"version":"1","dialect":"sqlite","entries":[{"idx":0,"version":"0000","name":"swift_falcon","when":1733300000000,"checksum":"a1b2c3"}]}' >"$T/ts/meta/_journal.json"
sqlite3 "$T/ts.db" ""
vb migrate apply --url "$T/ts.db" --dir "$T/ts"
expect_rc 0
expect_no_err "warning"
expect_lite "SELECT 1" 1
[ "$(sqlite3 "$T/ts.db" "SELECT name FROM sqlite_schema WHERE name LIKE 'authors%' ORDER BY name" | tr '\n' ,)" = "authors,authors_name_unique," ] ||
	problem "the TypeScript directory's statements did not all run"
[ "$(sqlite3 "$T/ts.db" "SELECT checksum FROM _viborm_migrations")" = "$(sha256sum "$T/ts/0000_swift_falcon.sql" | cut -d' ' -f1)" ] ||
	problem "not re-checksummed from the file"
end

begin "migrate (sqlite): squash joins migrations into one that applies as they did"
rm -rf "$T/sq" "$T/sq.db" "$T/sq2.db"
cp -r "$M" "$T/sq"
sqlite3 "$T/sq.db" ""
"$BIN" migrate apply --url "$T/sq.db" --dir "$T/sq" >/dev/null 2>&1
vb migrate squash --dir "$T/sq" --from 0000 --to 0001 --name base
expect_rc 0
[ "$(cd "$T/sq" && ls *.sql)" = "0000_base.sql" ] || problem "expected one file 0000_base.sql: $(ls "$T/sq")"
[ "$(jq -c '[.entries[] | [.idx, .version, .name]]' "$T/sq/meta/_journal.json")" = '[[0,"0000","base"]]' ] ||
	problem "journal: $(cat "$T/sq/meta/_journal.json")"
sqlite3 "$T/sq2.db" ""
vb migrate apply --url "$T/sq2.db" --dir "$T/sq"
expect_rc 0
expect_no_err "warning"
[ "$(schema_of "$T/sq2.db")" = "$(schema_of "$T/sq.db")" ] || problem "the squashed migration made another schema"
vb migrate down --url "$T/sq2.db" --force
expect_rc 0
[ "$(sqlite3 "$T/sq2.db" "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE '\_viborm%' ESCAPE '\' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'")" = 0 ] ||
	problem "the squashed down file did not undo both"
vb migrate squash --dir "$T/sq" --from 0000 --to 0000
expect_rc 2
[ "$(jq -c '[.entries[0].replaces[] | [.version, .checksum]]' "$T/sq/meta/_journal.json")" = \
	"$(cd "$M" && for f in 0000_*.sql 0001_*.sql; do printf '%s %s\n' "${f%%_*}" "$(sha256sum "$f" | cut -d' ' -f1)"; done |
		jq -R -s -c 'split("\n") | map(select(. != "") | split(" "))')" ] ||
	problem "the journal entry does not name the squashed files and their checksums: $(cat "$T/sq/meta/_journal.json")"
# the database that applied both sees the squash applied
vb migrate status --url "$T/sq.db" --dir "$T/sq" --json --exit-code
expect_rc 0
expect_jq '[.migrations[] | .state + "/" + (.squashed | tostring)] | join(",")' "applied/true"
vb migrate apply --url "$T/sq.db" --dir "$T/sq"
expect_rc 0
expect_out "No migrations to apply"
# one that applied only the first is refused, and names it
rm -f "$T/sq3.db"
sqlite3 "$T/sq3.db" ""
"$BIN" migrate apply --url "$T/sq3.db" --dir "$M" --to 0000 >/dev/null 2>&1
before=$(schema_of "$T/sq3.db")
vb migrate apply --url "$T/sq3.db" --dir "$T/sq"
expect_rc 1
expect_err "VB009"
expect_err "applied only some: it recorded 0000"
[ "$(schema_of "$T/sq3.db")" = "$before" ] || problem "a refused apply changed the schema"
vb migrate status --url "$T/sq3.db" --dir "$T/sq" --json
expect_jq '.migrations[0].partlyApplied' "0000"
end

begin "migrate (sqlite): reset drops what the migrations made and applies them all again"
rm -f "$T/r.db"
sqlite3 "$T/r.db" ""
"$BIN" migrate apply --url "$T/r.db" --dir "$M" >/dev/null 2>&1
sqlite3 "$T/r.db" "CREATE TABLE extra (a int); CREATE VIEW extra_v AS SELECT a FROM extra; CREATE TRIGGER extra_t AFTER INSERT ON extra BEGIN SELECT 1; END; CREATE VIRTUAL TABLE docs USING fts5(body); INSERT INTO users (id, email, display_name) VALUES (99, 'zed@example.com', 'Zed');"
vb migrate reset --url "$T/r.db" --dir "$M"
expect_rc 1
expect_err "VB003"
expect_err "table extra"
sqlite3 "$T/r.db" "SELECT count(*) FROM extra" >/dev/null 2>&1 || problem "a refused reset dropped extra"
vb migrate reset --url "$T/r.db" --dir "$M" --dry-run --json
expect_rc 0
expect_jq '[.reset.dropped[] | .kind + " " + .object] | join(",")' "trigger extra_t,view extra_v,table docs,table extra,table post,table users"
expect_jq '.reset.forgotten | join(",")' "0000,0001"
expect_jq '[.applied[].version] | join(",")' "0000,0001"
[ "$(sqlite3 "$T/r.db" "SELECT count(*) FROM users WHERE id = 99")" = 1 ] || problem "a dry run changed rows"
vb migrate reset --url "$T/r.db" --dir "$M" --force
expect_rc 0
expect_out "Reset dropped 6 objects"
expect_out "Applied 2 migrations"
[ "$(schema_of "$T/r.db")" = "$(schema_of "$T/m.db")" ] || problem "after reset the schema is not the migrations'"
[ "$(sqlite3 "$T/r.db" "SELECT count(*) FROM users")" = 0 ] || problem "the rows survived the reset"
[ "$(sqlite3 "$T/r.db" "SELECT group_concat(version) FROM _viborm_migrations")" = "0000,0001" ] ||
	problem "records after reset: $(sqlite3 "$T/r.db" "SELECT group_concat(version) FROM _viborm_migrations")"
# on a terminal it lists, asks, and "no" or Ctrl-C changes nothing
sqlite3 "$T/r.db" "CREATE TABLE extra (a int)"
tty 'expect:table extra' 'expect:drop them and apply' send:enter -- migrate reset --url "$T/r.db" --dir "$M" --force
expect_rc 1
expect_out "aborted: nothing was changed"
sqlite3 "$T/r.db" "SELECT count(*) FROM extra" >/dev/null 2>&1 || problem "answering no dropped extra"
tty 'expect:drop them and apply' send:ctrl-c -- migrate reset --url "$T/r.db" --dir "$M" --force
expect_rc 130
sqlite3 "$T/r.db" "SELECT count(*) FROM extra" >/dev/null 2>&1 || problem "Ctrl-C dropped extra"
tty 'expect:drop them and apply' send:down,enter 'expect:and forgot 2' -- migrate reset --url "$T/r.db" --dir "$M" --force
expect_rc 0
sqlite3 "$T/r.db" "SELECT count(*) FROM extra" >/dev/null 2>&1 && problem "yes did not drop extra"
# even without --force a terminal only hears the refusal
tty -- migrate reset --url "$T/r.db" --dir "$M"
expect_rc 1
expect_out "VB003"
end

begin "migrate (postgres): generate through --dev-url leaves it unchanged; apply equals push; drift; down; refusals"
DEV=vbcli_$$_dev
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DEV" -c "CREATE DATABASE $DEV" >/dev/null
psql -X -q -d "$DEV" -c "CREATE EXTENSION viborm" -c "CREATE TABLE keep_me (a int)" >/dev/null
P1=$(doc p1 '{"tables": [{"name": "users", "columns": [{"name": "id", "type": "integer", "nullable": false}, {"name": "name", "type": "text"}], "primaryKey": {"columns": ["id"]}}]}')
P2=$(doc p2 '{"tables": [{"name": "users", "columns": [{"name": "id", "type": "integer", "nullable": false}, {"name": "full_name", "type": "text"}, {"name": "age", "type": "integer"}], "primaryKey": {"columns": ["id"]}}]}')
rm -rf "$T/pm"
sql "TRUNCATE viborm.migrations" >/dev/null
vb migrate generate --dev-url "dbname=$DEV" --dir "$T/pm" --schema "$P1" --name initial
expect_rc 0
vb migrate generate --dev-url "dbname=$DEV" --dir "$T/pm" --schema "$P2" --rename users.name=users.full_name
expect_rc 0
[ "$(psql -X -qAt -d "$DEV" -c "SELECT string_agg(relname, ',') FROM pg_class WHERE relnamespace = 'public'::regnamespace")" = "keep_me" ] ||
	problem "generate left something in the dev database"
[ "$(jq -r .dialect "$T/pm/meta/_journal.json")" = postgresql ] || problem "journal dialect"
newdb
vb migrate apply --url "$URL" --dir "$T/pm" --json
expect_rc 0
expect_jq '[.applied[].version] | join(",")' "0000,0001"
expect_jq '.drift' null
expect_sql "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0 AND NOT attisdropped" "id,full_name,age"
expect_sql "SELECT count(*) FROM viborm.migrations" 2
vb diff --url "$URL" --schema "$P2" --json
expect_jq '.operations | length' 0
vb migrate status --url "$URL" --dir "$T/pm" --exit-code
expect_rc 0
sql "ALTER TABLE users ADD COLUMN sneaky int" >/dev/null
vb migrate status --url "$URL" --dir "$T/pm" --exit-code --json
expect_rc 3
expect_jq '.drift.operations[0].object' sneaky
sql "ALTER TABLE users DROP COLUMN sneaky" >/dev/null
vb migrate down --url "$URL" --force
expect_rc 0
expect_sql "SELECT string_agg(attname, ',' ORDER BY attnum) FILTER (WHERE NOT attisdropped) FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0" "id,name"
printf 'CREATE TABLE c1 (x int);\n--> statement-breakpoint\nALTER TABLE nowhere ADD COLUMN y int;\n' >"$T/pm/0002_bad.sql"
printf 'CREATE TABLE d1 (x int);\n' >"$T/pm/0003_more.sql"
vb migrate apply --url "$URL" --dir "$T/pm"
expect_rc 1
expect_err "VB004"
expect_err "migration 0002 \(bad\), statement 2 of 2 failed"
expect_sql "SELECT count(*) FROM viborm.migrations" 1
expect_sql "SELECT to_regclass('public.c1') IS NULL AND to_regclass('public.d1') IS NULL" t
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DEV" >/dev/null
end

begin "migrate (postgres): reset drops the objects of the migrations' schemas and applies every file"
newdb
sql "TRUNCATE viborm.migrations" >/dev/null
rm -f "$T/pm/0002_bad.sql" "$T/pm/0003_more.sql"
"$BIN" migrate apply --url "$URL" --dir "$T/pm" >/dev/null 2>&1
sql "CREATE TABLE extra (a int); CREATE SCHEMA other; CREATE TABLE other.stays (a int); INSERT INTO users (id) VALUES (1)" >/dev/null
vb migrate reset --url "$URL" --dir "$T/pm"
expect_rc 1
expect_err "VB003"
expect_sql "SELECT count(*) FROM users" 1
vb migrate reset --url "$URL" --dir "$T/pm" --force --json
expect_rc 0
expect_jq '[.reset.dropped[] | .kind + " " + .object] | join(",")' "table public.extra,table public.users"
expect_jq '[.applied[].version] | join(",")' "0000,0001"
expect_jq '.drift' null
expect_sql "SELECT count(*) FROM users" 0
expect_sql "SELECT to_regclass('public.extra') IS NULL AND to_regclass('other.stays') IS NOT NULL" t
expect_sql "SELECT string_agg(version, ',' ORDER BY version) FROM viborm.migrations" "0000,0001"
end

begin "migrate (postgres): two applies at once apply every file exactly once"
newdb
sql "TRUNCATE viborm.migrations" >/dev/null
rm -f "$T/pm/0002_bad.sql" "$T/pm/0003_more.sql"
"${WRAP[@]}" "$BIN" migrate apply --url "$URL" --dir "$T/pm" >"$T/a1" 2>&1 &
p1=$!
"${WRAP[@]}" "$BIN" migrate apply --url "$URL" --dir "$T/pm" >"$T/a2" 2>&1 &
p2=$!
wait $p1 || problem "the first apply failed: $(cat "$T/a1")"
wait $p2 || problem "the second apply failed: $(cat "$T/a2")"
expect_sql "SELECT count(*) || '/' || count(DISTINCT version) FROM viborm.migrations" "2/2"
end

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
