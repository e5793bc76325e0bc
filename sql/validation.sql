--
-- What push cannot apply, diff and dryRun refuse too: each problem is a
-- VB001 with the JSON path, found before anything is planned. And what
-- push can apply is accepted: expressions that end in a comment.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql
\i test/regress/show.sql
\i test/regress/try.sql

-- expressions that end in a "--" comment are one expression: checks,
-- generation expressions, index expressions and predicates
CREATE TABLE t (id int PRIMARY KEY, a int);
\set commented '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "a", "type": "int"}, {"name": "g", "type": "int", "generated": "a * 2 -- twice"}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "t_a_pos", "expression": "a > 0 --"}, {"name": "t_a_small", "expression": "a < 100 -- small\\n AND a <> 50"}], "indexes": [{"name": "t_next", "columns": [{"expression": "a + 1 -- next"}], "where": "a > 1 --"}]}]}'
SELECT h.try('diff', :'commented');
SELECT h.show(viborm.push(:'commented'));
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 't'::regclass AND contype = 'c' ORDER BY conname;
SELECT pg_get_indexdef('t_next'::regclass);
SELECT viborm.push(:'commented')->'operations' AS again;

-- h.refused(doc): the error of diff (SQLSTATE, message, JSON path), and
-- whether a dry-run push fails the same way, with nothing applied
CREATE FUNCTION h.refused(doc jsonb) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE d text; p text;
BEGIN
  SELECT string_agg(x, E'\n') INTO d FROM h.try('diff', doc) x;
  SELECT string_agg(x, E'\n') INTO p FROM h.try('push', doc, '{"dryRun": true}') x;
  RETURN QUERY SELECT regexp_split_to_table(d, E'\n');
  RETURN NEXT CASE WHEN p = d THEN '  dryRun: the same' ELSE '  dryRun: ' || p END;
END $$;
-- h.doc(table): a document with table u and the given table
CREATE FUNCTION h.doc(t text) RETURNS jsonb LANGUAGE sql AS $$
  SELECT ('{"tables": [{"name": "u", "columns": [{"name": "id", "type": "int"}, {"name": "a", "type": "int"}, {"name": "s", "type": "text"}], "primaryKey": {"columns": ["id"]}}, ' || t || ']}')::jsonb
$$;
CREATE SCHEMA other;
CREATE TABLE other.ref (id int PRIMARY KEY, code text UNIQUE);
CREATE FUNCTION other.volatile_f(n int) RETURNS int LANGUAGE plpgsql VOLATILE AS 'BEGIN RETURN n; END';
CREATE FUNCTION other.immutable_f(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1';
DROP TABLE t;
\set x '{"name": "x", "columns": [{"name": "id", "type": "int"}, {"name": "a", "type": "int"}, {"name": "s", "type": "text"}, {"name": "r", "type": "int"}]'

-- an index element that starts with ALL (a SELECT list accepts it, CREATE
-- INDEX does not)
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": [{"expression": "ALL a"}]}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["id"], "where": "ALL a > 0"}]}'));
SELECT h.refused(h.doc(:'x' || ', "checks": [{"expression": "ALL a > 0"}]}'));
-- volatile index expressions and predicates; stable ones too (now()), as
-- CREATE INDEX refuses them; an immutable function is fine
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": [{"expression": "a + random()::int"}]}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": [{"expression": "other.volatile_f(a)"}]}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["a"], "where": "a > extract(epoch FROM now())"}]}'));
SELECT h.try('diff', h.doc(:'x' || ', "indexes": [{"columns": [{"expression": "other.immutable_f(a)"}], "where": "a > 0"}]}'));
-- pseudo-types are not column types
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "a", "type": "internal"}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "id", "type": "int"}, {"name": "a", "type": "trigger"}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "a", "type": "void"}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "a", "type": "record"}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "a", "type": "anyelement"}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "a", "type": "cstring[]"}]}'));
-- access methods: one that does not exist, one that is not for indexes,
-- and what a method cannot do
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["a"], "type": "nosuch"}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["a"], "type": "heap"}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["a"], "type": "hash", "unique": true}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["a", "r"], "type": "hash"}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["s"], "type": "gin"}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["a"], "type": "gin", "include": ["r"]}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": [{"column": "a", "order": "desc"}], "type": "brin"}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": [{"column": "a", "nulls": "first"}], "type": "hash"}]}'));
-- also on a table that exists, with an index the table has in another form
CREATE TABLE x (id int, a int, s text, r int);
CREATE INDEX x_a_idx ON x (a);
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"name": "x_a_idx", "columns": ["a"], "type": "hash", "unique": true}]}'));
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"name": "x_a_idx", "columns": ["s"], "type": "gin"}]}'));
-- an index that lists a column twice
SELECT h.refused(h.doc(:'x' || ', "indexes": [{"columns": ["a", "r", {"column": "a", "order": "desc"}]}]}'));
-- foreign keys: into a schema that does not exist, a table or a column
-- that is not there (a table of the document, or of an unmanaged schema),
-- a system catalog
SELECT h.refused(h.doc(:'x' || ', "foreignKeys": [{"columns": ["a"], "referencedSchema": "nosuch", "referencedTable": "ref", "referencedColumns": ["id"]}]}'));
SELECT h.refused(h.doc(:'x' || ', "foreignKeys": [{"columns": ["a"], "referencedSchema": "other", "referencedTable": "nosuch", "referencedColumns": ["id"]}]}'));
SELECT h.refused(h.doc(:'x' || ', "foreignKeys": [{"columns": ["a", "s"], "referencedSchema": "other", "referencedTable": "ref", "referencedColumns": ["id", "label"]}]}'));
SELECT h.refused(h.doc(:'x' || ', "foreignKeys": [{"columns": ["a"], "referencedTable": "u", "referencedColumns": ["nosuch"]}]}'));
SELECT h.refused(h.doc(:'x' || ', "foreignKeys": [{"columns": ["a"], "referencedSchema": "pg_catalog", "referencedTable": "pg_class", "referencedColumns": ["oid"]}]}'));
SELECT h.try('diff', h.doc(:'x' || ', "foreignKeys": [{"columns": ["a"], "referencedSchema": "other", "referencedTable": "ref", "referencedColumns": ["id"]}]}'));
-- identity sequences: min above max, start outside them, bounds outside
-- the type, a type that is not an integer
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "id", "type": "int", "identity": {"generation": "always", "min": 10, "max": 5}}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "id", "type": "int", "identity": {"generation": "always", "start": 0}}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "id", "type": "int", "identity": {"generation": "always", "min": 1, "max": 10, "start": 11}}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "id", "type": "smallint", "identity": {"generation": "always", "max": 40000}}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "id", "type": "int", "identity": {"generation": "always", "increment": -1, "max": 5, "min": 5}}]}'));
SELECT h.refused(h.doc('{"name": "x", "columns": [{"name": "id", "type": "text", "identity": {"generation": "byDefault"}}]}'));
SELECT h.try('diff', h.doc('{"name": "x", "columns": [{"name": "id", "type": "int", "identity": {"generation": "always", "increment": -1}}]}'));
-- nothing was applied by any dry run
SELECT count(*) AS history_rows FROM viborm.history;
SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1;
