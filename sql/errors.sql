--
-- Errors: every invalid document and option is VB001 naming its JSON path;
-- VB002 ambiguity, VB003 destruction, VB004 failed steps, VB007 isolation,
-- VB008 blocking dependencies. After each error, its SQLSTATE is echoed.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

-- VB001: invalid documents
-- not JSON at all: PostgreSQL's own jsonb input refuses it
SELECT viborm.push('{"tables": [}');
\echo :SQLSTATE
-- not an object
SELECT viborm.push('[]');
\echo :SQLSTATE
-- unknown keys, at the top and nested, are named by their JSON path
SELECT viborm.push('{"tables": [], "tabels": []}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "a", "type": "int"}, {"name": "b", "type": "int", "foo": 1}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": [{"column": "a", "desc": true}]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [], "enums": [{"name": "e", "values": [{"name": "x", "was": "y"}]}]}');
\echo :SQLSTATE
-- wrong JSON types
SELECT viborm.push('{"tables": {}}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": "a int"}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int", "nullable": "no"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": 7, "type": "int"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int", "default": [1]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "foreignKeys": [{"columns": ["a"], "referencedTable": "t", "referencedColumns": ["a"], "onDelete": "nothing"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"version": 2, "tables": []}');
\echo :SQLSTATE
SELECT viborm.push('{"dialect": "oracle", "tables": []}');
\echo :SQLSTATE
SELECT viborm.push('{"dialect": "mysql", "tables": []}');
\echo :SQLSTATE
-- missing required keys
SELECT viborm.push('{}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"columns": []}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t"}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "foreignKeys": [{"columns": ["a"], "referencedColumns": ["a"]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [], "enums": [{"name": "e"}]}');
\echo :SQLSTATE
-- names: empty, or over 63 bytes (64 here; multibyte characters count as bytes)
SELECT viborm.push('{"tables": [{"name": "", "columns": []}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "a234567890123456789012345678901234567890123456789012345678901234", "type": "int"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "ééééééééééééééééééééééééééééééééa", "columns": []}]}');
\echo :SQLSTATE
-- duplicates
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "a", "type": "int"}, {"name": "a", "type": "text"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": []}, {"name": "t", "columns": []}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [], "enums": [{"name": "e", "values": ["x", "y", "x"]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "uniqueConstraints": [{"name": "same", "columns": ["a"]}],
  "indexes": [{"name": "same", "columns": ["a"]}]}]}');
\echo :SQLSTATE
-- keys, indexes and foreign keys naming a column the table does not have
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "primaryKey": {"columns": ["a", "b"]}}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "uniqueConstraints": [{"columns": ["nope"]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": ["a"]}, {"columns": ["a", "nope"]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "foreignKeys": [{"columns": ["nope"], "referencedTable": "t", "referencedColumns": ["a"]}]}]}');
\echo :SQLSTATE
-- foreign keys: column count mismatch, deferral without deferrable, a
-- referenced table the document does not have
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}],
  "foreignKeys": [{"columns": ["a", "b"], "referencedTable": "t", "referencedColumns": ["a"]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "foreignKeys": [{"columns": ["a"], "referencedTable": "t", "referencedColumns": ["a"], "initiallyDeferred": true}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "foreignKeys": [{"columns": ["a"], "referencedTable": "ghost", "referencedColumns": ["id"]}]}]}');
\echo :SQLSTATE
-- autoIncrement with a default, identity with a default, autoIncrement on text
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "autoIncrement": true, "default": "1"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "serial", "default": "1"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "int", "identity": {"generation": "always"}, "default": "1"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "int", "identity": {"generation": "sometimes"}}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "text", "autoIncrement": true}]}]}');
\echo :SQLSTATE
-- the new object keys are validated like the others
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": [{"column": "a", "expression": "a + 1"}]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": [{"column": "a", "order": "up"}]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": [{"column": "a", "nulls": "middle"}]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": ["a"], "nullsNotDistinct": true}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": ["a"], "include": ["b"]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "int", "identity": {"generation": "always", "increment": 0}}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "int", "identity": {"generation": "always", "start": "ten"}}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"},
  {"name": "b", "type": "int", "generated": "a * 2", "default": "1"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "checks": [{"name": "c"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "checks": [{"name": "c", "expression": "a > 0"}], "uniqueConstraints": [{"name": "c", "columns": ["a"]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"enumValueMappings": [{"enum": "mood", "table": "t", "map": {"a": "b"}}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"enumValueMappings": [{"enum": "mood", "map": {"a": 1}}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"enumValueMappings": [{"enum": "mood"}]}');
\echo :SQLSTATE

-- VB001: bad options
SELECT viborm.push('{"tables": []}', '{"forse": true}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '[]');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"force": "yes"}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"lockTimeout": "soon"}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"lockTimeout": 5}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"resolutions": "maybe"}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"resolutions": 1}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"resolutions": [{"from": "a", "to": "b", "resolution": "rename"}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"resolutions": [{"kind": "index", "from": "a", "to": "b", "resolution": "rename"}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"resolutions": [{"kind": "column", "from": "a", "to": "b", "resolution": "rename"}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"resolutions": [{"kind": "table", "from": "a", "to": "b"}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"resolutions": [{"kind": "table", "from": "a", "to": "b", "resolution": "merge"}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": []}', '{"schemas": "public"}');
\echo :SQLSTATE
-- diff validates the same way
SELECT viborm.diff('{"tables": []}', '{"dryRun": 1}');
\echo :SQLSTATE
SELECT viborm.diff('{"tables": [{"name": "t", "colums": []}]}');
\echo :SQLSTATE

-- VB001: expressions and types, checked by the server's own parser
-- a default must be exactly one expression
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int", "default": "1; DROP TABLE x"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int", "default": "1, 2"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int", "default": "(SELECT 1)"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int", "default": "1 FROM pg_class"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int", "default": "''x''"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int", "default": "b + 1"}, {"name": "b", "type": "int"}]}]}');
\echo :SQLSTATE
-- a type that does not exist, and a malformed one
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "integr"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int); DROP TABLE x; --"}]}]}');
\echo :SQLSTATE
-- an index predicate, likewise
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": ["a"], "where": "a > 0; DROP TABLE x"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": ["a"], "where": "nope > 0"}]}]}');
\echo :SQLSTATE
-- checks, generation expressions and index expressions likewise, and
-- collations and operator classes must exist
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "checks": [{"expression": "a > 0); DROP TABLE t; --"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"},
  {"name": "b", "type": "int", "generated": "nope * 2"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": [{"expression": "lower(a"}]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "text", "collation": "no_such_collation"}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "text"}],
  "indexes": [{"columns": [{"column": "a", "opclass": "no_such_ops"}]}]}]}');
\echo :SQLSTATE
SELECT viborm.push('{"tables": [{"name": "t", "columns": [{"name": "a", "type": "text"}],
  "checks": [{"expression": "a"}]}]}');
\echo :SQLSTATE
-- a table in a schema the options leave out
SELECT viborm.push('{"tables": [{"name": "t", "schema": "app", "columns": []}]}', '{"schemas": ["public"]}');
\echo :SQLSTATE
-- nothing of the above was created
SELECT count(*) AS tables FROM pg_class WHERE relnamespace = 'public'::regnamespace;

-- a database to change
SELECT viborm.push('{"tables": [
  {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "name", "type": "text"},
                                {"name": "bio", "type": "text"}, {"name": "age", "type": "int"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [{"name": "id", "type": "int"}, {"name": "title", "type": "text"}]}]}')->'applied' AS applied;
INSERT INTO users VALUES (1, 'ann', 'hi', 30), (2, 'bob', NULL, NULL);

-- VB002: ambiguous changes; errdetail lists every candidate, errhint names
-- options.resolutions
SELECT viborm.push('{"tables": [
  {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "full_name", "type": "text"},
                                {"name": "bio", "type": "text"}, {"name": "years", "type": "int"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [{"name": "id", "type": "int"}, {"name": "title", "type": "text"}]}]}');
\echo :SQLSTATE
-- "rename" for every pair is refused where a dropped column has several
-- candidates
SELECT viborm.push('{"tables": [
  {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "first", "type": "text"},
                                {"name": "last", "type": "text"}, {"name": "bio", "type": "text"},
                                {"name": "age", "type": "int"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [{"name": "id", "type": "int"}, {"name": "title", "type": "text"}]}]}',
  '{"resolutions": "rename"}');
\echo :SQLSTATE
-- diff never raises: it lists the pairs
SELECT jsonb_path_query(viborm.diff('{"tables": [
  {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "first", "type": "text"},
                                {"name": "last", "type": "text"}, {"name": "bio", "type": "text"},
                                {"name": "age", "type": "int"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [{"name": "id", "type": "int"}, {"name": "title", "type": "text"}]}]}'),
  '$.ambiguous[*]') AS ambiguous;

-- VB003: destructive operations without force; errdetail lists every one
SELECT viborm.push('{"tables": [
  {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "name", "type": "varchar(10)"},
                                {"name": "age", "type": "smallint"}],
   "primaryKey": {"columns": ["id"]}}]}', '{"resolutions": "addAndDrop"}');
\echo :SQLSTATE

-- VB004: a step fails; errdetail gives its number and SQL, and nothing of
-- the plan is left (the table created by step 1 is gone too). (A foreign
-- key into a table of an unmanaged schema is checked for the table and its
-- columns up front, not for the key that PostgreSQL needs there.)
CREATE SCHEMA late;
CREATE TABLE late.titles (title text);
SELECT viborm.push('{"tables": [
  {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "name", "type": "text"},
                                {"name": "bio", "type": "text"}, {"name": "age", "type": "int"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [{"name": "id", "type": "int"}, {"name": "title", "type": "text"}]},
  {"name": "fresh", "columns": [{"name": "id", "type": "int"}, {"name": "label", "type": "text"}],
   "foreignKeys": [{"columns": ["label"], "referencedSchema": "late", "referencedTable": "titles",
                    "referencedColumns": ["title"]}]}]}');
\echo :SQLSTATE
SELECT to_regclass('fresh') AS fresh;
DROP SCHEMA late CASCADE;
-- a step that existing rows break (NULLs under SET NOT NULL, duplicates
-- under a new unique constraint): refused, and nothing is applied
DO $$
BEGIN
  PERFORM viborm.push('{"tables": [
    {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "name", "type": "text"},
                                  {"name": "bio", "type": "text", "nullable": false}, {"name": "age", "type": "int"}],
     "primaryKey": {"columns": ["id"]}},
    {"name": "posts", "columns": [{"name": "id", "type": "int"}, {"name": "title", "type": "text"}]},
    {"name": "fresh", "columns": [{"name": "id", "type": "int"}]}]}');
  RAISE NOTICE 'applied';
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'refused';
END $$;
SELECT to_regclass('fresh') AS fresh;
INSERT INTO posts VALUES (1, 'same'), (2, 'same');
DO $$
BEGIN
  PERFORM viborm.push('{"tables": [
    {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "name", "type": "text"},
                                  {"name": "bio", "type": "text"}, {"name": "age", "type": "int"}],
     "primaryKey": {"columns": ["id"]}},
    {"name": "posts", "columns": [{"name": "id", "type": "int"}, {"name": "title", "type": "text"}],
     "uniqueConstraints": [{"columns": ["title"]}]},
    {"name": "fresh", "columns": [{"name": "id", "type": "int"}]}]}');
  RAISE NOTICE 'applied';
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'refused';
END $$;
SELECT to_regclass('fresh') AS fresh;
SELECT count(*) AS history_rows FROM viborm.history;

-- VB007: push needs READ COMMITTED
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT viborm.push('{"tables": []}');
\echo :SQLSTATE
ROLLBACK;
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT viborm.push('{"tables": []}');
\echo :SQLSTATE
ROLLBACK;
-- diff does not
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT viborm.diff(viborm.introspect())->'operations' AS operations;
ROLLBACK;

-- VB008: a view (outside the document) depends on a column being dropped:
-- viborm never uses CASCADE, so the step is refused and the view survives
CREATE VIEW user_ages AS SELECT id, age FROM users;
SELECT viborm.push('{"tables": [
  {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "name", "type": "text"},
                                {"name": "bio", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [{"name": "id", "type": "int"}, {"name": "title", "type": "text"}]}]}',
  '{"force": true}');
\echo :SQLSTATE
SELECT * FROM user_ages ORDER BY id;
-- likewise a table of an unmanaged schema referencing a table being dropped
CREATE SCHEMA other;
CREATE TABLE other.refs (post_id int PRIMARY KEY);
ALTER TABLE posts ADD PRIMARY KEY (id);
DELETE FROM posts WHERE id = 2;
ALTER TABLE other.refs ADD FOREIGN KEY (post_id) REFERENCES posts (id);
SELECT viborm.push('{"tables": [
  {"name": "users", "columns": [{"name": "id", "type": "int"}, {"name": "name", "type": "text"},
                                {"name": "bio", "type": "text"}, {"name": "age", "type": "int"}],
   "primaryKey": {"columns": ["id"]}}]}',
  '{"force": true}');
\echo :SQLSTATE
SELECT to_regclass('posts') AS posts;
