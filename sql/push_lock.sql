--
-- The push lock: pushes queue on SHARE UPDATE EXCLUSIVE of viborm.push_lock,
-- an empty table on which PUBLIC has no right, so only pushes (and the
-- extension's owner) can hold it; the wait for another push is bounded by
-- viborm.push_wait_timeout (test/isolation/specs/push_lock.spec shows both
-- with two sessions).
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

SELECT c.relname, c.relacl, (SELECT count(*) FROM viborm.push_lock) AS rows
FROM pg_class c WHERE c.oid = 'viborm.push_lock'::regclass;
SELECT has_table_privilege('public', 'viborm.push_lock', 'SELECT') AS public_select,
       has_table_privilege('public', 'viborm.push_lock', 'UPDATE') AS public_update;

-- a push (a dry run too: it checks what the push would do) holds it until
-- its transaction ends; diff takes nothing
BEGIN;
SELECT viborm.diff('{"tables": []}')->'applied' AS applied;
SELECT count(*) AS push_locks FROM pg_locks
WHERE relation = 'viborm.push_lock'::regclass AND pid = pg_backend_pid();
SELECT viborm.push('{"tables": []}', '{"dryRun": true}')->'applied' AS applied;
SELECT mode, granted FROM pg_locks
WHERE relation = 'viborm.push_lock'::regclass AND pid = pg_backend_pid();
-- no advisory lock any more
SELECT count(*) AS advisory_locks FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid();
COMMIT;

-- the bound on waiting for another push: a setting, 5 minutes by default
SHOW viborm.push_wait_timeout;
SET viborm.push_wait_timeout = '30s';
SHOW viborm.push_wait_timeout;
SET viborm.push_wait_timeout = -1;
RESET viborm.push_wait_timeout;
SET viborm.push_wait_timeot = '1s';
