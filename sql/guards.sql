--
-- Data guards (VB006): before any statement of the plan, every step that
-- existing rows could break is checked against them; the error names the
-- table, the constraint or column and the row count, lists every failing
-- guard, and nothing of the plan runs (the table "marker" that each plan
-- would create first is never there afterwards).
--
\i test/regress/reset.sql
\i test/regress/show.sql
-- h.doc(tables jsonb): the document with the marker table added
CREATE FUNCTION h.doc(tables text, enums text DEFAULT '[]') RETURNS jsonb LANGUAGE sql AS $$
  SELECT ('{"enums": ' || enums || ', "tables": [{"name": "marker", "columns": [{"name": "id", "type": "int"}]}, '
          || tables || ']}')::jsonb
$$;
-- h.try(doc, opts): the error as text (SQLSTATE, message, detail), or "applied"
CREATE FUNCTION h.try(doc jsonb, opts jsonb DEFAULT '{}') RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hint text;
BEGIN
  PERFORM viborm.push(doc, opts);
  RETURN NEXT 'applied';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL,
                          hint = PG_EXCEPTION_HINT;
  RETURN NEXT st || ': ' || msg;
  RETURN QUERY SELECT '  ' || l FROM regexp_split_to_table(det, E'\n') l;
  RETURN NEXT '  hint: ' || hint;
END $$;

CREATE TYPE mood AS ENUM ('happy', 'sad', 'ok');
CREATE TABLE parent (id int PRIMARY KEY);
INSERT INTO parent VALUES (1), (2);
CREATE TABLE t (id int PRIMARY KEY, note text, code text, n int, p int, m mood, ms mood[]);
INSERT INTO t VALUES (1, 'a', 'x', 1, 1, 'happy', '{happy}'),
                     (2, NULL, 'x', 1, 3, 'ok', '{ok,sad}'),
                     (3, NULL, 'long value', -1, NULL, 'ok', NULL);
\set base '{"name": "parent", "columns": [{"name": "id", "type": "int"}], "primaryKey": {"columns": ["id"]}}'

-- SET NOT NULL on a column holding NULLs
SELECT h.try(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text", "nullable": false}, {"name": "code", "type": "text"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]}}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]'));
SELECT to_regclass('marker') AS marker;
-- a NOT NULL column added without a default to a table with rows
SELECT h.try(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text"}, {"name": "code", "type": "text"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}, {"name": "req", "type": "int", "nullable": false}],
  "primaryKey": {"columns": ["id"]}}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]'));
-- a new unique constraint, unique index, primary key over duplicates;
-- NULLs are distinct unless nullsNotDistinct
SELECT h.try(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text"}, {"name": "code", "type": "text"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]},
  "uniqueConstraints": [{"columns": ["code"]}, {"columns": ["note"], "nullsNotDistinct": true}, {"columns": ["p"]}],
  "indexes": [{"columns": [{"expression": "upper(code)"}], "unique": true},
              {"columns": ["n"], "unique": true, "where": "n > 0"}]}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]'));
SELECT to_regclass('marker') AS marker;
-- a new check, a new foreign key (rows pointing nowhere), a narrowing
-- type change and one that does not convert
SELECT h.try(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text"}, {"name": "code", "type": "varchar(5)"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]},
  "checks": [{"name": "n_positive", "expression": "n > 0"}],
  "foreignKeys": [{"columns": ["p"], "referencedTable": "parent", "referencedColumns": ["id"]}]}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]'), '{"force": true}');
SELECT h.try(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text"}, {"name": "code", "type": "int"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]}}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]'), '{"force": true}');
-- a check or a foreign key added NOT VALID is not guarded: old rows stay
SELECT h.show(viborm.push(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text"}, {"name": "code", "type": "text"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]},
  "checks": [{"name": "n_positive", "expression": "n > 0", "notValid": true}],
  "foreignKeys": [{"columns": ["p"], "referencedTable": "parent", "referencedColumns": ["id"], "notValid": true}]}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]')));
-- ... and validating them later is guarded again
SELECT h.try(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text"}, {"name": "code", "type": "text"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]},
  "checks": [{"name": "n_positive", "expression": "n > 0"}],
  "foreignKeys": [{"columns": ["p"], "referencedTable": "parent", "referencedColumns": ["id"]}]}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]'));
UPDATE t SET n = 5 WHERE n < 0;
UPDATE t SET p = 2 WHERE p = 3;
SELECT h.show(viborm.push(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text"}, {"name": "code", "type": "text"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]},
  "checks": [{"name": "n_positive", "expression": "n > 0"}],
  "foreignKeys": [{"columns": ["p"], "referencedTable": "parent", "referencedColumns": ["id"]}]}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]')));
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 't'::regclass AND contype IN ('c', 'f') ORDER BY 1;

-- SET NOT NULL with a declared default: NULLs are filled with it first
SELECT h.show(viborm.push(h.doc(:'base' || ', {"name": "t", "columns": [{"name": "id", "type": "int"},
  {"name": "note", "type": "text", "nullable": false, "default": "''(none)''"}, {"name": "code", "type": "text"},
  {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"},
  {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]},
  "checks": [{"name": "n_positive", "expression": "n > 0"}],
  "foreignKeys": [{"columns": ["p"], "referencedTable": "parent", "referencedColumns": ["id"]}]}',
  '[{"name": "mood", "values": ["happy", "sad", "ok"]}]')));
SELECT id, note FROM t ORDER BY id;
DROP TABLE marker;

-- an enum value that rows hold, removed without a mapping: every column
-- and count is listed, with or without force
\set tdoc '{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "note", "type": "text", "nullable": false, "default": "''(none)''"}, {"name": "code", "type": "text"}, {"name": "n", "type": "int"}, {"name": "p", "type": "int"}, {"name": "m", "type": "mood"}, {"name": "ms", "type": "mood[]"}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "n_positive", "expression": "n > 0"}], "foreignKeys": [{"columns": ["p"], "referencedTable": "parent", "referencedColumns": ["id"]}]}'
SELECT h.try(h.doc(:'base' || ', ' || :'tdoc', '[{"name": "mood", "values": ["happy"]}]'), '{"force": true}');
SELECT to_regclass('marker') AS marker, enum_range(NULL::mood);
-- a mapping for the enum covers "ok"; "sad" still needs one
SELECT h.try(h.doc(:'base' || ', ' || :'tdoc', '[{"name": "mood", "values": ["happy"]}]'),
             '{"enumValueMappings": [{"enum": "mood", "map": {"ok": "happy"}}]}');
-- mappings: "ok" -> happy everywhere, "sad" -> NULL (arrays keep a NULL
-- element) except in column m where a column mapping sends it to happy
SELECT h.show(viborm.push(h.doc(:'base' || ', ' || :'tdoc', '[{"name": "mood", "values": ["happy"]}]'),
  '{"enumValueMappings": [{"enum": "mood", "map": {"ok": "happy", "sad": null}},
                          {"enum": "mood", "table": "t", "column": "m", "map": {"sad": "happy"}}]}'));
SELECT id, m, ms FROM t ORDER BY id;
SELECT enum_range(NULL::mood);
SELECT viborm.diff(viborm.introspect())->'operations' AS operations;
SELECT count(*) AS history_rows FROM viborm.history;

-- A guard is never skipped. Evaluating the document's expression on the
-- rows may raise a data error (a division by zero): the step would fail on
-- those rows the same way, so it is a finding (VB006) naming the guard.
-- Any other error means the guard could not run: an error naming the
-- operation and the guard's query, and nothing applied.
CREATE SCHEMA gs;
CREATE TABLE gs.g (id int PRIMARY KEY, n int);
INSERT INTO gs.g VALUES (1, 0), (2, 5);
CREATE FUNCTION gs.lookup(v int) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM gs.no_such_table WHERE x = v);
END $$;
\set gdoc '{"schemas": ["gs"], "tables": [{"name": "made", "schema": "gs", "columns": [{"name": "id", "type": "int"}]}, {"name": "g", "schema": "gs", "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "int"}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "g_check", "expression": "CHECK_EXPR"}]}]}'
SELECT h.try(replace(:'gdoc', 'CHECK_EXPR', '100 / n > 1')::jsonb);
SELECT h.try(replace(:'gdoc', 'CHECK_EXPR', 'gs.lookup(n)')::jsonb);
SELECT to_regclass('gs.made') AS made,
       (SELECT count(*) FROM pg_constraint WHERE conrelid = 'gs.g'::regclass AND contype = 'c') AS checks;
-- once the rows allow it, the same check is applied
UPDATE gs.g SET n = 1 WHERE n = 0;
SELECT h.try(replace(:'gdoc', 'CHECK_EXPR', '100 / n > 1')::jsonb);
SELECT conname FROM pg_constraint WHERE conrelid = 'gs.g'::regclass AND contype = 'c';
