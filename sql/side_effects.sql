--
-- Side effects of document expressions. Data guards evaluate the
-- document's checks and unique index expressions on existing rows; they run
-- in a subtransaction that is always rolled back. A check that calls a
-- function which writes (creates a table, imports a large object, calls
-- viborm.push itself) leaves nothing after a dry run, a diff or a failed
-- push: only what PostgreSQL cannot roll back (a sequence's position)
-- moves.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql
SET client_min_messages = warning;
DO $$
BEGIN
  PERFORM lo_unlink(oid) FROM pg_largeobject_metadata;
END $$;
RESET client_min_messages;

CREATE SCHEMA side;
CREATE SEQUENCE side.calls;
-- side.evil(n): n > 0, after a call on a sequence, a table, two large
-- objects (one imported from a server file) and a nested push that creates
-- schema nested with a table and writes a history row
CREATE FUNCTION side.evil(n int) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('side.calls');
  SET LOCAL client_min_messages = warning;
  EXECUTE 'CREATE TABLE IF NOT EXISTS side.evil_table (n int)';
  PERFORM lo_create(0);
  PERFORM lo_import(current_setting('data_directory') || '/PG_VERSION');
  PERFORM viborm.push('{"schemas": ["nested"], "tables": [{"schema": "nested", "name": "x", "columns": [{"name": "id", "type": "int"}]}]}');
  RETURN n > 0;
END $$;
-- side.evil_key(n): declared immutable, so an index expression may use it;
-- a SELECT inside may still write (a large object)
CREATE FUNCTION side.evil_key(n int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM nextval('side.calls');
  PERFORM lo_create(0);
  RETURN n;
END $$;
-- what the functions leave behind
CREATE FUNCTION side.effects()
RETURNS TABLE (evil_table regclass, nested_schema boolean, large_objects bigint,
               history_rows bigint, sequence_calls bigint)
LANGUAGE sql AS $$
  SELECT to_regclass('side.evil_table'),
         EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'nested'),
         (SELECT count(*) FROM pg_largeobject_metadata),
         (SELECT count(*) FROM viborm.history),
         (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM side.calls)
$$;

CREATE TABLE t (id int PRIMARY KEY, n int);
INSERT INTO t VALUES (1, 1), (2, 2);
\set doc '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "int"}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "t_n_evil", "expression": "side.evil(n)"}], "indexes": [{"name": "t_evil_key", "unique": true, "columns": [{"expression": "side.evil_key(n)"}]}]}]}'
SELECT * FROM side.effects();

-- a dry run runs the guards of the new check and the new unique index:
-- each function is called on both rows, and everything they wrote is gone
SELECT r->'applied' AS applied, r->'sql' AS sql FROM viborm.push(:'doc', '{"dryRun": true}') r;
SELECT * FROM side.effects();

-- diff evaluates nothing
SELECT viborm.diff(:'doc')->'sql' AS sql;
SELECT * FROM side.effects();

-- a push that fails on another guard (a NOT NULL column without a default,
-- on a table with rows) after the evil ones ran: nothing is left, neither
-- in the aborted transaction's place nor after a savepoint caught the error
\set failing '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "int"}, {"name": "req", "type": "int", "nullable": false}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "t_n_evil", "expression": "side.evil(n)"}], "indexes": [{"name": "t_evil_key", "unique": true, "columns": [{"expression": "side.evil_key(n)"}]}]}]}'
BEGIN;
SELECT viborm.push(:'failing');
ROLLBACK;
SELECT * FROM side.effects();
CREATE FUNCTION side.try(doc jsonb) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM viborm.push(doc);
  RETURN 'applied';
EXCEPTION WHEN OTHERS THEN
  RETURN 'caught ' || SQLSTATE;
END $$;
SELECT side.try(:'failing');
SELECT * FROM side.effects();
