--
-- Hazards against reality: every operation that claims "tableRewrite"
-- changes the table's relfilenode, and every one that does not keeps it.
-- h.rewrites(doc, opts) pushes doc and returns, per table of public that
-- existed before, whether the plan claimed a rewrite and whether the
-- relfilenode actually changed.
--
\i test/regress/reset.sql
\i test/regress/show.sql
CREATE FUNCTION h.rewrites(doc jsonb, opts jsonb DEFAULT '{}')
RETURNS TABLE (tbl text, claimed boolean, rewritten boolean) LANGUAGE plpgsql AS $$
DECLARE
  before jsonb;
  r jsonb;
BEGIN
  SELECT jsonb_object_agg(relname, relfilenode) INTO before
  FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r';
  r := viborm.push(doc, opts);
  RETURN QUERY
  SELECT k, EXISTS (SELECT 1 FROM jsonb_array_elements(r->'operations') op
                    WHERE op->'hazards' ? 'tableRewrite'
                      AND (op->>'table' = k OR EXISTS (
                        SELECT 1 FROM jsonb_array_elements_text(op->'sql') s
                        WHERE s LIKE 'ALTER TABLE public.' || k || ' %'))),
         (SELECT c.relfilenode FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relname = k)::text
           IS DISTINCT FROM before->>k
  FROM jsonb_object_keys(before) k ORDER BY k;
END $$;
-- a document builder: table t with the given columns, and the enum mood
CREATE FUNCTION h.t(cols text, extra text DEFAULT '') RETURNS jsonb LANGUAGE sql AS $$
  SELECT ('{"enums": [{"name": "mood", "values": ["a", "b", "c"]}], "tables": [{"name": "t", "columns": ['
          || cols || ']' || extra || '}]}')::jsonb
$$;

CREATE TYPE mood AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id int, v varchar(10), n numeric(10,2), s smallint, m mood, txt text);
INSERT INTO t SELECT g, 'v' || g, g, g, 'a', 'x' || g FROM generate_series(1, 100) g;

-- no rewrite: a nullable column, a wider varchar, varchar -> text, a
-- wider numeric, SET NOT NULL (a scan), a default, a check, a comment
SELECT * FROM h.rewrites(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "varchar(20)", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "smallint"}, {"name": "m", "type": "mood"}, {"name": "txt", "type": "text", "comment": "c"},
  {"name": "extra", "type": "int"}', ', "checks": [{"expression": "id > 0"}]'));
SELECT * FROM h.rewrites(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "smallint"}, {"name": "m", "type": "mood"}, {"name": "txt", "type": "text", "comment": "c"},
  {"name": "extra", "type": "int"}', ', "checks": [{"expression": "id > 0"}]'));
-- a collation change rebuilds indexes, not the table
SELECT * FROM h.rewrites(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "smallint"}, {"name": "m", "type": "mood"},
  {"name": "txt", "type": "text", "comment": "c", "collation": "C"},
  {"name": "extra", "type": "int"}', ', "checks": [{"expression": "id > 0"}]'));
-- rewrites: smallint -> int, an identity column added, a stored
-- generated column added
SELECT * FROM h.rewrites(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "txt", "type": "text", "comment": "c", "collation": "C"},
  {"name": "extra", "type": "int"}', ', "checks": [{"expression": "id > 0"}]'));
SELECT * FROM h.rewrites(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "txt", "type": "text", "comment": "c", "collation": "C"},
  {"name": "extra", "type": "int"}, {"name": "seq", "type": "bigint", "identity": {"generation": "byDefault"}}',
  ', "checks": [{"expression": "id > 0"}]'));
SELECT * FROM h.rewrites(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "txt", "type": "text", "comment": "c", "collation": "C"},
  {"name": "extra", "type": "int"}, {"name": "seq", "type": "bigint", "identity": {"generation": "byDefault"}},
  {"name": "twice", "type": "int", "generated": "id * 2"}',
  ', "checks": [{"expression": "id > 0"}]'));
-- a generation expression that changes: the column is dropped and added
SELECT * FROM h.rewrites(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "txt", "type": "text", "comment": "c", "collation": "C"},
  {"name": "extra", "type": "int"}, {"name": "seq", "type": "bigint", "identity": {"generation": "byDefault"}},
  {"name": "twice", "type": "int", "generated": "id * 3"}',
  ', "checks": [{"expression": "id > 0"}]'));
SELECT count(*) = 100 AND bool_and(twice = id * 3) AS recomputed FROM t;
-- dropping a generation expression keeps the values and the table
SELECT * FROM h.rewrites(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "txt", "type": "text", "comment": "c", "collation": "C"},
  {"name": "extra", "type": "int"}, {"name": "seq", "type": "bigint", "identity": {"generation": "byDefault"}},
  {"name": "twice", "type": "int"}',
  ', "checks": [{"expression": "id > 0"}]'));
SELECT count(*) = 100 AND bool_and(twice = id * 3) AS kept FROM t;
-- an enum swap (a value removed) rewrites the tables that use the type
SELECT * FROM h.rewrites(replace(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "txt", "type": "text", "comment": "c", "collation": "C"},
  {"name": "extra", "type": "int"}, {"name": "seq", "type": "bigint", "identity": {"generation": "byDefault"}},
  {"name": "twice", "type": "int"}',
  ', "checks": [{"expression": "id > 0"}]')::text, '"a", "b", "c"', '"a", "b"')::jsonb);
-- adding an enum value needs no swap and no rewrite
SELECT * FROM h.rewrites(replace(h.t('{"name": "id", "type": "int", "nullable": false},
  {"name": "v", "type": "text", "default": "''z''"}, {"name": "n", "type": "numeric(12,2)"},
  {"name": "s", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "txt", "type": "text", "comment": "c", "collation": "C"},
  {"name": "extra", "type": "int"}, {"name": "seq", "type": "bigint", "identity": {"generation": "byDefault"}},
  {"name": "twice", "type": "int"}',
  ', "checks": [{"expression": "id > 0"}]')::text, '"a", "b", "c"', '"a", "b", "d"')::jsonb);
SELECT viborm.diff(viborm.introspect())->'operations' AS operations;
