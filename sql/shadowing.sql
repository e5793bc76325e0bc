--
-- Temporary objects never stand in for the catalog's or the document's:
-- every function pins search_path to pg_catalog, pg_temp (pg_temp last; left
-- out, it would be searched first for relations and types) and names every
-- catalog relation with its schema. A session that creates temporary
-- tables, views and types named like catalog relations and built-in types
-- changes nothing that introspect reads, diff plans, push creates or
-- history records.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

CREATE TABLE t (id int PRIMARY KEY, note text);
COMMENT ON TABLE t IS 'real comment';
CREATE TYPE mood AS ENUM ('happy', 'sad');

-- a forged description of t, and views that would hide columns and labels
CREATE TEMPORARY TABLE pg_description (objoid oid, classoid oid, objsubid int4, description text);
INSERT INTO pg_temp.pg_description VALUES ('t'::regclass, 'pg_class'::regclass, 0, 'forged comment'),
  ('t'::regclass, 'pg_class'::regclass, 1, 'forged column comment');
CREATE TEMPORARY VIEW pg_attribute AS
  SELECT attrelid, attname, atttypid, atttypmod, attnum, attnotnull, attisdropped, attidentity,
         attgenerated, attcollation
  FROM pg_catalog.pg_attribute WHERE false;
CREATE TEMPORARY VIEW pg_enum AS SELECT * FROM pg_catalog.pg_enum WHERE false;
-- in this session, unqualified catalog names now find them
SELECT count(*) AS temp_description_rows FROM pg_description;

-- introspect reads the catalog
SELECT jsonb_pretty(viborm.introspect()) AS document;

-- a push records what the catalog holds, not the forged comments
\set doc '{"enums": [{"name": "mood", "values": ["happy", "sad"]}], "tables": [{"name": "t", "comment": "real comment", "columns": [{"name": "id", "type": "int4"}, {"name": "note", "type": "text"}, {"name": "m", "type": "mood"}], "primaryKey": {"columns": ["id"]}}]}'
SELECT r->'applied' AS applied, r->'sql' AS sql FROM viborm.push(:'doc') r;
SELECT document->'tables'->0->'comment' AS comment,
       jsonb_path_query_array(document, '$.tables[0].columns[*].comment') AS column_comments,
       jsonb_path_query_array(document, '$.enums[*].values') AS labels
FROM viborm.snapshot;

-- temporary types named like built-in ones and like the document's enum
CREATE TYPE pg_temp.int4 AS ENUM ('captured');
CREATE TYPE pg_temp.text AS ENUM ('captured');
CREATE TYPE pg_temp.mood AS ENUM ('temporary');
SET search_path = public;
SELECT 'captured'::int4 AS int4_is_captured;
RESET search_path;

-- the document's int4, text and mood are still the built-in and public types
\set doc2 '{"enums": [{"name": "mood", "values": ["happy", "sad"]}], "tables": [{"name": "t", "comment": "real comment", "columns": [{"name": "id", "type": "int4"}, {"name": "note", "type": "text"}, {"name": "m", "type": "mood", "default": "''happy''"}, {"name": "n", "type": "int4", "default": "1::int4"}, {"name": "l", "type": "text[]"}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "t_n", "expression": "n::int4 > 0 AND note::text <> ''''"}]}]}'
SELECT r->'sql' AS sql FROM viborm.diff(:'doc2') r;
SELECT r->'applied' AS applied, r->'sql' AS sql FROM viborm.push(:'doc2') r;
SELECT attname, format_type(atttypid, atttypmod) AS type,
       (SELECT nspname FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_type ty ON ty.typnamespace = n.oid
        WHERE ty.oid = atttypid) AS type_schema
FROM pg_catalog.pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum;
SELECT pg_get_constraintdef(oid) AS check FROM pg_catalog.pg_constraint WHERE conname = 't_n';
SELECT jsonb_path_query_array(document, '$.tables[0].columns[*].type') AS types
FROM viborm.snapshot ORDER BY history_id DESC LIMIT 1;
SELECT viborm.diff(:'doc2')->'operations' AS nothing_left;

-- a temporary type given by name is refused: it would vanish with the session
SELECT viborm.diff('{"tables": [{"name": "x", "columns": [{"name": "a", "type": "pg_temp.mood"}]}]}');
DISCARD TEMP;
