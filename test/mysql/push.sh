#!/usr/bin/env bash
# What a MySQL push does when things go wrong, against the private MariaDB
# server that test/run started (VIBORM_TEST_MYSQL_SOCKET):
#   - a plan whose third statement fails after the guards ran (rows made
#     duplicate by another session while step 2 waits for its lock): VB004
#     lists steps 1-2 as applied and step 3 as failed, the history row says
#     "failed at step 3" with the statements applied, the second push
#     applies what is left, the third plans nothing;
#   - --lock-timeout is the session's lock_wait_timeout: a step waiting
#     for a long transaction gives up after it, not after the default;
#   - a connection killed while step 3 runs is reported as a lost
#     connection with step 3 unknown; the next push marks the orphaned
#     history row "failed at step 3" and finishes the job;
#   - pushes serialise on GET_LOCK: a push waits while another session
#     holds the lock, and of two pushes started together one applies and
#     the other plans nothing;
#   - every result (dry run, no-op, applied) says "atomic": false;
#   - versioned migrations: generate on an empty --dev-url (left empty; a
#     non-empty one refused), apply equals push; a statement failing in the
#     third of four files leaves exactly its earlier statements applied and
#     the file "failed at step k", apply refuses until --resume (which
#     finishes it) or resolve --rolled-back (after which it runs again);
#     two applies at once apply each file once.
# Prints "ok - NAME" / "not ok - NAME: REASON", then "N passed, N failed".
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sock=${VIBORM_TEST_MYSQL_SOCKET:-}
BIN=${VIBORM_BIN:-$root/viborm}
db=vbm_push
if [ -z "$sock" ] || [ ! -S "$sock" ]; then
	echo "push.sh: no MariaDB socket in VIBORM_TEST_MYSQL_SOCKET (test/run starts one)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/viborm-mypush.XXXXXX")
bg=()
cleanup() {
	local pid
	for pid in "${bg[@]}"; do
		kill "$pid" 2>/dev/null
	done
	my -e "DROP DATABASE IF EXISTS $db; DROP DATABASE IF EXISTS ${db}_d" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT

my() {
	mariadb --no-defaults --socket="$sock" -uroot "$@"
}
URL="mysql://root@localhost/$db?socket=$sock"
vb() {
	"$BIN" "$@" --url "$URL"
}
now() {
	date +%s.%N
}
since() {
	awk -v t0="$1" -v t1="$(now)" 'BEGIN { printf "%.2f", t1 - t0 }'
}

passed=0 failed=0 name= reasons=()
begin() {
	name=$1 reasons=()
}
check() {
	# check DESCRIPTION COMMAND...: COMMAND must succeed
	local what=$1
	shift
	"$@" || reasons+=("$what")
}
end() {
	if [ ${#reasons[@]} -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok - $name"
	else
		failed=$((failed + 1))
		echo "not ok - $name: $(printf '%s; ' "${reasons[@]}")"
		sed -e 's/^/#   /' "$work/err" 2>/dev/null | head -n 20
	fi
}
has() {
	grep -qF -- "$2" "$1"
}
value() {
	my -N -B "$db" -e "$1"
}

# The three tables and a document adding a column to a and b and a unique
# index to c: three statements, in this order.
fresh() {
	my -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db; DROP DATABASE IF EXISTS ${db}_d; CREATE DATABASE ${db}_d" &&
		my "$db" -e "CREATE TABLE a (id INT PRIMARY KEY); CREATE TABLE b (id INT PRIMARY KEY);
			CREATE TABLE c (id INT PRIMARY KEY, k INT); INSERT INTO c VALUES (1, 1), (2, 2)" &&
		my "${db}_d" -e "CREATE TABLE a (id INT PRIMARY KEY, x INT); CREATE TABLE b (id INT PRIMARY KEY, x INT);
			CREATE TABLE c (id INT PRIMARY KEY, k INT, UNIQUE KEY c_k (k))" &&
		"$BIN" pull --url "mysql://root@localhost/${db}_d?socket=$sock" >"$work/doc.json"
}

# ---- 1. the third statement fails after the guards ran ----------------------
begin "step 3 fails on rows made duplicate after the guards: exact report, history, the next push finishes"
fresh
# holds b's metadata lock for 2 s (step 2 waits), then makes c.k duplicate
my "$db" -e "BEGIN; SELECT * FROM b; SELECT SLEEP(2); INSERT INTO c VALUES (3, 1); COMMIT" >/dev/null &
bg+=($!)
sleep 0.3
vb push --schema "$work/doc.json" --yes --lock-timeout 20s --json >"$work/out" 2>"$work/err"
rc=$?
wait "${bg[-1]}"
check "exit status 1 (was $rc)" [ "$rc" -eq 1 ]
check "nothing on stdout" [ ! -s "$work/out" ]
check "VB004 step 3 of 3" has "$work/err" "error: VB004: step 3 of 3 failed: Duplicate entry '1' for key 'c_k'"
tr -s ' ' <"$work/err" >"$work/err1"
check "steps 1-2 applied, 3 failed, none left" has "$work/err1" "Applied (each statement commits by itself on MySQL):
 1. ALTER TABLE \`a\` ADD COLUMN \`x\` int NULL
 2. ALTER TABLE \`b\` ADD COLUMN \`x\` int NULL
 Failed:
 3. ALTER TABLE \`c\` ADD UNIQUE INDEX \`c_k\` (\`k\`)
 MySQL error 1062 while running the statement.
 Not applied:
 (none)"
check "the hint names the history entry" has "$work/err" 'history entry #1 says "failed at step 3"'
check "history row" [ "$(value "SELECT CONCAT_WS('|', state, applied_steps, applied_sql, error) FROM _viborm_history")" = \
	"failed at step 3|2|[\"ALTER TABLE \`a\` ADD COLUMN \`x\` int NULL\",\"ALTER TABLE \`b\` ADD COLUMN \`x\` int NULL\"]|Duplicate entry '1' for key 'c_k'" ]
check "viborm history shows it" [ "$(vb history --json | jq -r '.history[0].state')" = "failed at step 3" ]
check "a.x and b.x exist, c_k does not" [ "$(value "SELECT GROUP_CONCAT(CONCAT(TABLE_NAME, '.', COLUMN_NAME) ORDER BY 1)
	FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'x'")|$(value "SELECT COUNT(*)
	FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'c_k'")" = "a.x,b.x|0" ]
# the cause fixed, the next push plans from the live state
my "$db" -e "DELETE FROM c WHERE id = 3"
vb push --schema "$work/doc.json" --yes --json >"$work/out" 2>"$work/err"
check "second push applies only the unique index" \
	[ "$(jq -c '[.applied, .atomic, [.operations[] | .kind + " " + .object]]' "$work/out")" = '[true,false,["addUnique c_k"]]' ]
check "second history row applied" [ "$(value "SELECT state FROM _viborm_history WHERE id = 2")" = applied ]
vb push --schema "$work/doc.json" --yes --json >"$work/out" 2>"$work/err"
check "third push plans nothing" [ "$(jq -c '[.applied, .atomic, (.operations | length)]' "$work/out")" = '[false,false,0]' ]
end

# ---- 2. --lock-timeout is lock_wait_timeout ----------------------------------
begin "--lock-timeout 1s: a step waiting for a long transaction gives up after 1 s"
fresh
my "$db" -e "BEGIN; SELECT * FROM c; SELECT SLEEP(3); COMMIT" >/dev/null &
bg+=($!)
sleep 0.3
t0=$(now)
vb push --schema "$work/doc.json" --yes --lock-timeout 1s >"$work/out" 2>"$work/err"
rc=$?
elapsed=$(since "$t0")
wait "${bg[-1]}"
check "exit status 1 (was $rc)" [ "$rc" -eq 1 ]
check "step 3 failed on the lock wait" has "$work/err" "VB004: step 3 of 3 failed: Lock wait timeout exceeded"
check "MySQL error 1205" has "$work/err" "MySQL error 1205"
check "gave up within 2.5 s (the default 5 s would outlast the 3 s transaction) (took $elapsed s)" awk "BEGIN { exit !($elapsed < 2.5) }"
check "history: failed at step 3" [ "$(value "SELECT CONCAT(state, '|', applied_steps) FROM _viborm_history")" = "failed at step 3|2" ]
end

# ---- 3. the connection lost mid-plan ----------------------------------------
begin "a connection killed during step 3: reported as lost, step 3 unknown; the next push marks the row and finishes"
fresh
my "$db" -e "BEGIN; SELECT * FROM c; SELECT SLEEP(4); COMMIT" >/dev/null &
holder=$!
bg+=($holder)
sleep 0.3
vb push --schema "$work/doc.json" --yes --lock-timeout 30s >"$work/out" 2>"$work/err" &
pusher=$!
bg+=($pusher)
id=
for _ in $(seq 50); do
	id=$(my -N -B -e "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '$db' AND INFO LIKE 'ALTER TABLE \`c\`%'")
	[ -n "$id" ] && break
	sleep 0.1
done
check "step 3 was seen waiting" [ -n "$id" ]
[ -n "$id" ] && my -e "KILL CONNECTION $id"
wait "$pusher"
rc=$?
wait "$holder"
tr -s ' ' <"$work/err" >"$work/err1"
check "exit status 1 (was $rc)" [ "$rc" -eq 1 ]
check "lost connection during step 3" has "$work/err" "error: VB004: lost the connection to the server during step 3 of 3"
check "steps 1-2 applied, 3 unknown" has "$work/err1" "Applied (each statement commits by itself on MySQL):
 1. ALTER TABLE \`a\` ADD COLUMN \`x\` int NULL
 2. ALTER TABLE \`b\` ADD COLUMN \`x\` int NULL
 Unknown (the server may have committed it before the connection broke):
 3. ALTER TABLE \`c\` ADD UNIQUE INDEX \`c_k\` (\`k\`)"
check "row still running" [ "$(value "SELECT CONCAT(state, '|', applied_steps) FROM _viborm_history")" = "running|2" ]
vb push --schema "$work/doc.json" --yes --json >"$work/out" 2>"$work/err"
check "next push applies the rest" [ "$(jq -c '[.applied, .atomic, [.operations[] | .kind]]' "$work/out")" = '[true,false,["addUnique"]]' ]
check "orphaned row marked failed at step 3" \
	[ "$(value "SELECT CONCAT(state, '|', error LIKE 'the push stopped before it finished%') FROM _viborm_history WHERE id = 1")" = "failed at step 3|1" ]
end

# ---- 4. pushes serialise on GET_LOCK -----------------------------------------
begin "a push waits while another session holds GET_LOCK('viborm:$db')"
fresh
my "$db" -e "SELECT GET_LOCK('viborm:$db', 0); SELECT SLEEP(2)" >"$work/holder" &
bg+=($!)
sleep 0.3
t0=$(now)
vb push --schema "$work/doc.json" --yes --json >"$work/out" 2>"$work/err"
rc=$?
elapsed=$(since "$t0")
check "the holder got the lock" [ "$(head -n 2 "$work/holder" | tail -n 1)" = 1 ]
check "exit status 0 (was $rc)" [ "$rc" -eq 0 ]
check "waited for the holder (took $elapsed s)" awk "BEGIN { exit !($elapsed >= 1.4) }"
check "then applied" [ "$(jq -c '[.applied, .atomic]' "$work/out")" = '[true,false]' ]
end

begin "two pushes started together: one applies, the other plans nothing"
fresh
vb push --schema "$work/doc.json" --yes --json >"$work/out1" 2>"$work/err1" &
p1=$!
vb push --schema "$work/doc.json" --yes --json >"$work/out2" 2>"$work/err" &
p2=$!
wait "$p1"
r1=$?
wait "$p2"
r2=$?
cat "$work/err1" >>"$work/err"
check "both exit 0 (were $r1, $r2)" [ "$r1$r2" = 00 ]
check "one applied, one planned nothing" [ "$(jq -s -c 'map([.applied, (.operations | length)]) | sort' "$work/out1" "$work/out2")" = '[[false,0],[true,3]]' ]
check "one history row" [ "$(value "SELECT GROUP_CONCAT(state) FROM _viborm_history")" = applied ]
end

# ---- 5. "atomic": false everywhere -------------------------------------------
begin "dry run, applied and no-op results all say \"atomic\": false"
fresh
vb push --schema "$work/doc.json" --dry-run --json >"$work/o1" 2>"$work/err"
vb push --schema "$work/doc.json" --yes --json >"$work/o2" 2>>"$work/err"
vb push --schema "$work/doc.json" --yes --json >"$work/o3" 2>>"$work/err"
check "dry run, applied, no-op" [ "$(jq -s -c 'map([.atomic, .applied, (.operations | length)])' "$work/o1" "$work/o2" "$work/o3")" = \
	'[[false,false,3],[false,true,3],[false,false,0]]' ]
end

# ---- 6. versioned migrations -------------------------------------------------
DEV="mysql://root@localhost/${db}_d?socket=$sock"
begin "migrate generate on an empty --dev-url (left empty), apply equals push, status clean"
fresh
rm -rf "$work/m"
my -e "DROP DATABASE ${db}_d; CREATE DATABASE ${db}_d; DROP DATABASE IF EXISTS ${db}_p; CREATE DATABASE ${db}_p"
my "${db}_p" -e "CREATE TABLE a (id INT PRIMARY KEY); CREATE TABLE b (id INT PRIMARY KEY);
	CREATE TABLE c (id INT PRIMARY KEY, k INT); INSERT INTO c VALUES (1, 1), (2, 2)"
"$BIN" pull --url "mysql://root@localhost/${db}_p?socket=$sock" >"$work/cur.json"
"$BIN" migrate generate --dev-url "$DEV" --dir "$work/m" --schema "$work/cur.json" --name initial >"$work/out" 2>"$work/err"
check "generate 0000" [ -f "$work/m/0000_initial.sql" ]
"$BIN" migrate generate --dev-url "$DEV" --dir "$work/m" --schema "$work/doc.json" --name widen >>"$work/out" 2>>"$work/err"
check "generate 0001" [ -f "$work/m/0001_widen.sql" ]
check "the dev database left empty" [ -z "$(my -N -B "${db}_d" -e "SHOW TABLES" | grep -v '^_viborm')" ]
my "${db}_d" -e "CREATE TABLE stray (a INT)"
"$BIN" migrate generate --dev-url "$DEV" --dir "$work/m" --schema "$work/doc.json" >"$work/out" 2>"$work/err"
check "a non-empty dev database is refused" has "$work/err" "is not empty"
check "the stray table is left alone" [ "$(my -N -B "${db}_d" -e "SHOW TABLES LIKE 'stray'")" = stray ]
vb migrate baseline 0000 --dir "$work/m" >"$work/out" 2>"$work/err"
vb migrate apply --dir "$work/m" --json >"$work/out" 2>>"$work/err"
check "0001 applied" [ "$(jq -r '[.applied[].version] | join(",")' "$work/out")" = 0001 ]
vb diff --schema "$work/doc.json" --json >"$work/out" 2>>"$work/err"
check "push would change nothing more" [ "$(jq '.operations | length' "$work/out")" = 0 ]
vb migrate status --dir "$work/m" --exit-code >"$work/out" 2>>"$work/err"
check "status clean" [ $? -eq 0 ]
my -e "DROP DATABASE IF EXISTS ${db}_p"
end

begin "a failing statement in the third of four files: exact report, --resume finishes it"
fresh
rm -rf "$work/f"
mkdir "$work/f"
printf 'CREATE TABLE m1 (x INT);\n' >"$work/f/0000_m1.sql"
printf 'CREATE TABLE m2 (x INT);\n' >"$work/f/0001_m2.sql"
printf 'CREATE TABLE m3 (x INT);\n--> statement-breakpoint\nALTER TABLE later ADD COLUMN y INT;\n--> statement-breakpoint\nCREATE TABLE m3b (x INT);\n' >"$work/f/0002_m3.sql"
printf 'CREATE TABLE m4 (x INT);\n' >"$work/f/0003_m4.sql"
vb migrate apply --dir "$work/f" >"$work/out" 2>"$work/err"
check "exit 1" [ $? -eq 1 ]
check "names file and statement" has "$work/err" "migration 0002 (m3), statement 2 of 3 failed"
check "says what ran" has "$work/err" "statements 1 to 1 of this file were applied"
check "earlier files and statement 1 applied, nothing after" \
	[ "$(value "SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'm%'")" = "m1,m2,m3" ]
check "recorded as failed at step 2" [ "$(value "SELECT CONCAT(state, '/', applied_steps) FROM _viborm_migrations WHERE version = '0002'")" = "failed at step 2/1" ]
vb migrate apply --dir "$work/f" >"$work/out" 2>"$work/err"
check "apply refuses until resumed" has "$work/err" "--resume"
vb migrate status --dir "$work/f" --json --exit-code >"$work/out" 2>>"$work/err"
check "status: failed" [ "$(jq -r '.migrations[2].state' "$work/out")" = failed ]
my "$db" -e "CREATE TABLE later (x INT)"
vb migrate apply --dir "$work/f" --resume --json >"$work/out" 2>"$work/err"
check "resume applies 0002 and 0003" [ "$(jq -r '[.applied[].version] | join(",")' "$work/out")" = "0002,0003" ]
check "every table once" [ "$(value "SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'm%'")" = "m1,m2,m3,m3b,m4" ]
check "all applied" [ "$(value "SELECT GROUP_CONCAT(state) FROM _viborm_migrations")" = "applied,applied,applied,applied" ]
end

begin "resolve --rolled-back: the repaired file runs again from its first statement"
fresh
vb migrate apply --dir "$work/f" >"$work/out" 2>"$work/err"
my "$db" -e "DROP TABLE m3; CREATE TABLE later (x INT)"
vb migrate resolve --rolled-back 0002 >"$work/out" 2>"$work/err"
check "resolved" [ $? -eq 0 ]
vb migrate resolve --rolled-back 0001 >"$work/out" 2>"$work/err"
check "an applied one cannot be resolved" has "$work/err" "did not fail"
vb migrate apply --dir "$work/f" --json >"$work/out" 2>"$work/err"
check "0002 and 0003 applied" [ "$(jq -r '[.applied[].version] | join(",")' "$work/out")" = "0002,0003" ]
check "all applied" [ "$(value "SELECT GROUP_CONCAT(state) FROM _viborm_migrations")" = "applied,applied,applied,applied" ]
end

begin "two migrate applies at once: each file once"
fresh
rm -f "$work/f/0002_m3.sql"
vb migrate apply --dir "$work/f" >"$work/o1" 2>&1 &
p1=$!
vb migrate apply --dir "$work/f" >"$work/o2" 2>&1 &
p2=$!
wait $p1
r1=$?
wait $p2
r2=$?
check "both succeed" [ "$r1$r2" = 00 ]
check "each file once" [ "$(value "SELECT CONCAT(COUNT(*), '/', COUNT(DISTINCT version)) FROM _viborm_migrations")" = "3/3" ]
end

begin "migrate reset: refused without --force; drops every table, view, routine and event (FKs between them too), forgets, applies every file"
fresh
rm -rf "$work/r"
mkdir "$work/r"
printf 'CREATE TABLE p (id INT PRIMARY KEY);\n--> statement-breakpoint\nCREATE TABLE ch (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES p (id));\n' >"$work/r/0000_p.sql"
printf 'CREATE VIEW pv AS SELECT id FROM p;\n--> statement-breakpoint\nCREATE PROCEDURE pr() SELECT 1;\n--> statement-breakpoint\nINSERT INTO p VALUES (1);\n' >"$work/r/0001_v.sql"
vb migrate apply --dir "$work/r" >"$work/out" 2>"$work/err"
my "$db" -e "INSERT INTO p VALUES (2); INSERT INTO ch VALUES (1, 2); CREATE EVENT ev ON SCHEDULE EVERY 1 DAY DO SELECT 1"
vb migrate reset --dir "$work/r" >"$work/out" 2>"$work/err"
check "refused without --force" [ $? -eq 1 ]
check "VB003 naming a table" has "$work/err" "table ch"
check "nothing dropped" [ "$(value "SELECT COUNT(*) FROM ch")" = 1 ]
vb migrate reset --dir "$work/r" --force --json >"$work/out" 2>"$work/err"
check "reset exit 0" [ $? -eq 0 ]
check "dropped the view, the tables of the fixture, the procedure" \
	[ "$(jq -r '[.reset.dropped[] | .kind + " " + .object] | join(",")' "$work/out")" = "view pv,table a,table b,table c,table ch,table p,procedure pr,event ev" ]
check "the event is gone" [ -z "$(value "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()")" ]
check "applied both again" [ "$(jq -r '[.applied[].version] | join(",")' "$work/out")" = "0000,0001" ]
check "rows are the migrations' only" [ "$(value "SELECT GROUP_CONCAT(id) FROM p")/$(value "SELECT COUNT(*) FROM ch")" = "1/0" ]
check "the fixture's tables are gone" [ -z "$(value "SHOW TABLES LIKE 'a'")" ]
check "recorded once each" [ "$(value "SELECT GROUP_CONCAT(CONCAT(version, ':', state) ORDER BY version) FROM _viborm_migrations")" = "0000:applied,0001:applied" ]
end

begin "the server's own databases are refused, whatever the command"
for sysdb in mysql sys information_schema PERFORMANCE_SCHEMA; do
	"$BIN" pull --url "mysql://root@localhost/$sysdb?socket=$sock" >"$work/out" 2>"$work/err"
	check "pull on $sysdb exits 2" [ $? -eq 2 ]
	check "pull on $sysdb names it" has "$work/err" "names $sysdb, one of the server's own databases"
done
echo '{"tables": []}' >"$work/empty.json"
"$BIN" push --url "mysql://root@localhost/mysql?socket=$sock" --schema "$work/empty.json" --force --yes >"$work/out" 2>"$work/err"
check "push on mysql exits 2" [ $? -eq 2 ]
check "the server's tables are still there" [ -n "$(my -N -B mysql -e "SHOW TABLES LIKE 'user'")" ]
end

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
