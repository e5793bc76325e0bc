--
-- Options of push and diff: lockTimeout, schemas, force, dryRun.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

\i test/regress/show.sql

-- lockTimeout: a duration; accepted forms
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}]}]}',
                          '{"lockTimeout": "3s"}'));
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}]}]}',
                          '{"lockTimeout": "500ms"}'));
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}]}]}',
                          '{"lockTimeout": "1min"}'));
-- and refused ones
SELECT viborm.push('{"tables": []}', '{"lockTimeout": "soon"}');
SELECT viborm.push('{"tables": []}', '{"lockTimeout": "-1s"}');
SELECT viborm.push('{"tables": []}', '{"lockTimeout": ""}');
-- it holds only during the call: the session's own setting is back after
SET lock_timeout = '42s';
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "x", "type": "int"}]}]}',
                   '{"lockTimeout": "500ms"}')->'applied' AS applied;
SHOW lock_timeout;
RESET lock_timeout;

-- it applies to the DDL: a table locked by another session makes the step
-- give up after lockTimeout, and nothing is applied
CREATE EXTENSION dblink;
SELECT dblink_connect('other', format('host=%s port=%s dbname=%s user=%s',
  split_part(current_setting('unix_socket_directories'), ',', 1),
  current_setting('port'), current_database(), current_user));
SELECT dblink_exec('other', 'BEGIN');
SELECT dblink_exec('other', 'LOCK TABLE public.t IN ACCESS SHARE MODE');
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"},
                                                          {"name": "x", "type": "int"},
                                                          {"name": "y", "type": "int"}]},
                                {"name": "u", "columns": [{"name": "id", "type": "int"}]}]}',
                   '{"lockTimeout": "100ms"}');
\echo :SQLSTATE
SELECT to_regclass('u') AS u;
SELECT dblink_exec('other', 'ROLLBACK');
SELECT dblink_disconnect('other');
DROP EXTENSION dblink;

-- schemas: which namespaces a document manages
CREATE SCHEMA app;
CREATE SCHEMA other;
CREATE TABLE app.a (id int);
CREATE TABLE other.o (id int);
-- by default, the schemas the document's tables and enums name: here app
-- only, so public.t and other.o are not touched
SELECT h.show(viborm.push('{"tables": [{"name": "a", "schema": "app",
                                        "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}]}]}'));
-- the document's top-level schemas
SELECT h.show(viborm.diff('{"schemas": ["app", "other"],
                            "tables": [{"name": "a", "schema": "app",
                                        "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}]}]}'));
-- options.schemas wins over the document's
SELECT h.show(viborm.diff('{"schemas": ["app", "other"],
                            "tables": [{"name": "a", "schema": "app",
                                        "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}]}]}',
                          '{"schemas": ["app"]}'));
-- an empty document with no schemas manages public
SELECT h.show(viborm.diff('{"tables": []}'));
-- a managed schema that is missing is created
SELECT h.show(viborm.push('{"tables": [{"name": "b", "schema": "fresh", "columns": [{"name": "id", "type": "int"}]}]}'));
SELECT h.show(viborm.push('{"schemas": ["empty"], "tables": []}'));
SELECT nspname FROM pg_namespace WHERE nspname IN ('fresh', 'empty') ORDER BY 1;
-- a schema is never dropped, even when the document manages it and has
-- nothing in it
SELECT h.show(viborm.push('{"schemas": ["fresh", "empty"], "tables": []}', '{"force": true}'));
SELECT nspname FROM pg_namespace WHERE nspname IN ('fresh', 'empty') ORDER BY 1;
-- and the other schemas' tables are all still there
SELECT schemaname, tablename FROM pg_tables
WHERE schemaname IN ('public', 'app', 'other', 'fresh', 'empty') ORDER BY 1, 2;
-- introspect lists the schemas asked for, in that order, existing or not
SELECT viborm.introspect(ARRAY['app', 'fresh', 'nope'])->'schemas' AS schemas;

-- force, dryRun and resolutions in one call; diff takes the same options
SELECT h.show(viborm.diff('{"tables": [{"name": "a2", "schema": "app",
                                        "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}]}]}',
                          '{"force": true, "dryRun": true,
                            "resolutions": [{"kind": "table", "schema": "app", "from": "a", "to": "a2",
                                             "resolution": "rename"}]}'));
SELECT h.show(viborm.push('{"tables": [{"name": "a2", "schema": "app",
                                        "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}]}]}',
                          '{"force": true, "dryRun": true,
                            "resolutions": [{"kind": "table", "schema": "app", "from": "a", "to": "a2",
                                             "resolution": "rename"}]}'));
SELECT to_regclass('app.a') AS a, to_regclass('app.a2') AS a2;
-- a resolution entry for another schema does not apply
SELECT h.show(viborm.diff('{"tables": [{"name": "a2", "schema": "app",
                                        "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}]}]}',
                          '{"resolutions": [{"kind": "table", "from": "a", "to": "a2", "resolution": "rename"}]}'));
-- options may be NULL or empty
SELECT viborm.diff('{"tables": [{"name": "a", "schema": "app",
                                 "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}]}]}',
                   NULL)->'operations' AS operations;
SELECT viborm.diff('{"tables": [{"name": "a", "schema": "app",
                                 "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}]}]}',
                   '{}')->'operations' AS operations;
-- unknown option keys are refused, by push and by diff
SELECT viborm.push('{"tables": []}', '{"dry_run": true}');
SELECT viborm.diff('{"tables": []}', '{"Force": true}');
