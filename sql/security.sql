--
-- Security: hostile names round-trip, expressions are parsed before use,
-- push is not executable by PUBLIC, history is read-only to pushers, and
-- the functions run as the caller with a pinned search_path.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

SET client_min_messages = warning;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'regress_viborm_pusher') THEN
    EXECUTE 'DROP OWNED BY regress_viborm_pusher';
    EXECUTE 'DROP ROLE regress_viborm_pusher';
  END IF;
END $$;
RESET client_min_messages;

-- every function runs with the caller's rights, with search_path pinned except
-- migrate_apply and migrate_down, which run the migrations' statements with
-- the caller's settings (their own queries pin it inside)
SELECT proname, prosecdef, proconfig
FROM pg_proc WHERE pronamespace = 'viborm'::regnamespace ORDER BY proname;
-- push, migrate_apply and migrate_down are not executable by PUBLIC; the others are
SELECT p.proname,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public_may_execute
FROM pg_proc p WHERE pronamespace = 'viborm'::regnamespace ORDER BY proname;

-- a role that may not push
CREATE ROLE regress_viborm_pusher LOGIN;
SET ROLE regress_viborm_pusher;
SELECT viborm.push('{"tables": [{"name": "mine", "columns": [{"name": "id", "type": "int"}]}]}');
-- it may read the schema and plan
SELECT viborm.introspect()->'tables' AS tables;
SELECT jsonb_path_query(viborm.diff('{"tables": [{"name": "mine", "columns": [{"name": "id", "type": "int"}]}]}'),
                        '$.sql[*]') AS sql;
RESET ROLE;

-- granted push (and CREATE on the schema it changes), it can push and read
-- history, but not write history itself
GRANT EXECUTE ON FUNCTION viborm.push(jsonb, jsonb) TO regress_viborm_pusher;
GRANT CREATE ON SCHEMA public TO regress_viborm_pusher;
SET ROLE regress_viborm_pusher;
SELECT r->'applied' AS applied, r->'sql' AS sql
FROM viborm.push('{"tables": [{"name": "mine", "columns": [{"name": "id", "type": "int"}]}]}') r;
SELECT id, applied_by, array_length(sql, 1) AS statements FROM viborm.history;
SELECT history_id FROM viborm.snapshot;
INSERT INTO viborm.history (applied_by, operations, sql, checksum, duration_ms)
VALUES ('forged', '[]', '{}', 'x', 0);
UPDATE viborm.history SET applied_by = 'forged';
DELETE FROM viborm.history;
INSERT INTO viborm.snapshot VALUES (99, '{}');
SELECT nextval('viborm.history_id_seq');
RESET ROLE;
SELECT tableowner FROM pg_tables WHERE tablename = 'mine';
SELECT count(*) AS history_rows, bool_and(applied_by = 'regress_viborm_pusher') AS by_pusher
FROM viborm.history;
-- the pusher's rights still apply to the DDL: it cannot drop a table it
-- does not own (and nothing is applied)
CREATE TABLE theirs (id int);
SET ROLE regress_viborm_pusher;
SELECT viborm.push('{"tables": [{"name": "mine", "columns": [{"name": "id", "type": "int"}]}]}',
                   '{"force": true}');
RESET ROLE;
SELECT to_regclass('theirs') AS theirs;
DROP TABLE theirs;
SELECT viborm.push('{"tables": []}', '{"force": true}')->'sql' AS sql;

-- hostile identifiers are quoted everywhere; a second push is a no-op
CREATE TABLE students (id int);
SELECT jsonb_array_elements_text(viborm.push($doc${
  "enums": [{"name": "it's", "values": ["don't", "a\"b", "ünïcödé", "x y"]}],
  "tables": [
    {"name": "Robert'); DROP TABLE students;--",
     "columns": [
       {"name": "my \"quoted\" col", "type": "text", "default": "'O''Brien'"},
       {"name": "UserName", "type": "varchar(20)", "nullable": false},
       {"name": "café_ñ", "type": "\"it's\"", "default": "'don''t'"},
       {"name": "日本語", "type": "\"it's\"[]"},
       {"name": "select", "type": "int"}],
     "primaryKey": {"columns": ["UserName"]},
     "uniqueConstraints": [{"columns": ["my \"quoted\" col"]}],
     "indexes": [{"columns": ["select"], "where": "\"select\" > 0 AND \"my \"\"quoted\"\" col\" <> 'x''; DROP TABLE students; --'"}],
     "foreignKeys": [{"columns": ["select"], "referencedTable": "T a b",
                      "referencedColumns": ["ID"]}]},
    {"name": "T a b", "columns": [{"name": "ID", "type": "int"}],
     "primaryKey": {"columns": ["ID"]}},
    {"name": "students", "columns": [{"name": "id", "type": "int"}]}]}$doc$)->'sql') AS sql;
SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1;
SELECT attname FROM pg_attribute
WHERE attrelid = '"Robert''); DROP TABLE students;--"'::regclass AND attnum > 0 ORDER BY attnum;
SELECT enum_range(NULL::"it's");
INSERT INTO "Robert'); DROP TABLE students;--" ("UserName", "日本語") VALUES ('bobby', '{"x y","a\"b"}');
SELECT * FROM "Robert'); DROP TABLE students;--";
-- introspect returns the names as they are, and pushing them back changes nothing
SELECT jsonb_path_query(viborm.introspect(), '$.tables[*].name') AS table_name;
SELECT jsonb_path_query(viborm.introspect(), '$.tables[0].columns[*].name') AS column_name;
SELECT viborm.push(viborm.introspect())->'operations' AS operations;
SELECT viborm.push($doc${
  "enums": [{"name": "it's", "values": ["don't", "a\"b", "ünïcödé", "x y"]}],
  "tables": [
    {"name": "Robert'); DROP TABLE students;--",
     "columns": [
       {"name": "my \"quoted\" col", "type": "text", "default": "'O''Brien'"},
       {"name": "UserName", "type": "varchar(20)", "nullable": false},
       {"name": "café_ñ", "type": "\"it's\"", "default": "'don''t'"},
       {"name": "日本語", "type": "\"it's\"[]"},
       {"name": "select", "type": "int"}],
     "primaryKey": {"columns": ["UserName"]},
     "uniqueConstraints": [{"columns": ["my \"quoted\" col"]}],
     "indexes": [{"columns": ["select"], "where": "\"select\" > 0 AND \"my \"\"quoted\"\" col\" <> 'x''; DROP TABLE students; --'"}],
     "foreignKeys": [{"columns": ["select"], "referencedTable": "T a b",
                      "referencedColumns": ["ID"]}]},
    {"name": "T a b", "columns": [{"name": "ID", "type": "int"}],
     "primaryKey": {"columns": ["ID"]}},
    {"name": "students", "columns": [{"name": "id", "type": "int"}]}]}$doc$)->'operations' AS operations;
-- renaming hostile names
SELECT jsonb_array_elements_text(viborm.push($doc${
  "enums": [{"name": "it's", "values": ["don't", "a\"b", "ünïcödé", "x y"]}],
  "tables": [
    {"name": "Robert'); DROP TABLE students;--",
     "columns": [
       {"name": "my \"quoted\" col", "type": "text", "default": "'O''Brien'"},
       {"name": "UserName", "type": "varchar(20)", "nullable": false},
       {"name": "café_ñ", "type": "\"it's\"", "default": "'don''t'"},
       {"name": "日本語", "type": "\"it's\"[]"},
       {"name": "select", "type": "int"}],
     "primaryKey": {"columns": ["UserName"]},
     "uniqueConstraints": [{"columns": ["my \"quoted\" col"]}],
     "indexes": [{"columns": ["select"], "where": "\"select\" > 0 AND \"my \"\"quoted\"\" col\" <> 'x''; DROP TABLE students; --'"}],
     "foreignKeys": [{"columns": ["select"], "referencedTable": "T\"; DROP TABLE students; --",
                      "referencedColumns": ["id'); --"]}]},
    {"name": "T\"; DROP TABLE students; --", "renamedFrom": "T a b",
     "columns": [{"name": "id'); --", "type": "int", "renamedFrom": "ID"}],
     "primaryKey": {"columns": ["id'); --"]}},
    {"name": "students", "columns": [{"name": "id", "type": "int"}]}]}$doc$)->'sql') AS sql;
SELECT viborm.diff(viborm.introspect())->'operations' AS operations;
SELECT to_regclass('students') IS NOT NULL AS students_still_there;

-- 63-byte names are kept whole; unnamed objects of long tables get the
-- names PostgreSQL gives them (truncated on a character boundary). The
-- tables above, left out of this document, are dropped (force).
SELECT jsonb_array_elements_text(viborm.push($doc${"tables": [
  {"name": "t23456789012345678901234567890123456789012345678901234567890123",
   "columns": [{"name": "c23456789012345678901234567890123456789012345678901234567890123", "type": "serial"}],
   "primaryKey": {"columns": ["c23456789012345678901234567890123456789012345678901234567890123"]},
   "indexes": [{"columns": ["c23456789012345678901234567890123456789012345678901234567890123"]}]},
  {"name": "xééééééééééééééééééééééééééééééé",
   "columns": [{"name": "éééééééééééééééééééééééééééééééx", "type": "int"}, {"name": "éééééééééééééééééééééééééééééééy", "type": "int"}],
   "primaryKey": {"columns": ["éééééééééééééééééééééééééééééééx"]},
   "uniqueConstraints": [{"columns": ["éééééééééééééééééééééééééééééééy"]}],
   "indexes": [{"columns": ["éééééééééééééééééééééééééééééééx", "éééééééééééééééééééééééééééééééy"]}]}]}$doc$, '{"force": true}')->'sql') AS sql;
SELECT conname, octet_length(conname) AS bytes FROM pg_constraint
WHERE connamespace = 'public'::regnamespace ORDER BY 1;
SELECT c.relname, octet_length(c.relname) AS bytes FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('i', 'S') ORDER BY 1;
SELECT viborm.diff(viborm.introspect())->'operations' AS operations;

-- expressions from the document are parsed as exactly one expression:
-- injection attempts are refused before anything runs (these documents
-- manage schema inj only)
SELECT viborm.push($doc${"tables": [{"name": "x", "schema": "inj", "columns": [
  {"name": "a", "type": "text", "default": "'a'); DROP TABLE students; --"}]}]}$doc$);
SELECT viborm.push($doc${"tables": [{"name": "x", "schema": "inj", "columns": [
  {"name": "a", "type": "text", "default": "'a'; DROP TABLE students"}]}]}$doc$);
SELECT viborm.push($doc${"tables": [{"name": "x", "schema": "inj", "columns": [
  {"name": "a", "type": "int", "default": "(SELECT count(*) FROM students)"}]}]}$doc$);
SELECT viborm.push($doc${"tables": [{"name": "x", "schema": "inj", "columns": [
  {"name": "a", "type": "text", "default": "pg_catalog.current_user)::text; DROP TABLE students; SELECT (1"}]}]}$doc$);
SELECT viborm.push($doc${"tables": [{"name": "x", "schema": "inj", "columns": [
  {"name": "a", "type": "text DEFAULT 'x'); DROP TABLE students; --"}]}]}$doc$);
SELECT viborm.push($doc${"tables": [{"name": "x", "schema": "inj", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": ["a"], "where": "a > 0) ; DROP TABLE students; --"}]}]}$doc$);
-- an index method is an identifier: quoted, it names no access method
SELECT viborm.push($doc${"tables": [{"name": "x", "schema": "inj", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": ["a"], "type": "btree (a); DROP TABLE students; --"}]}]}$doc$);
SELECT to_regclass('students') IS NOT NULL AS students_still_there;

-- clean up the role
RESET ROLE;
SET client_min_messages = warning;
DROP OWNED BY regress_viborm_pusher;
DROP ROLE regress_viborm_pusher;
RESET client_min_messages;
