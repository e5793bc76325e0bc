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
-- h.try(fn, doc, opts): SQLSTATE, message and detail, or the plan's SQL
CREATE FUNCTION h.try(fn text, doc jsonb, opts jsonb DEFAULT '{}') RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; r jsonb;
BEGIN
  EXECUTE format('SELECT viborm.%I($1, $2)', fn) USING doc, opts INTO r;
  RETURN QUERY SELECT 'ok: ' || s FROM jsonb_array_elements_text(r->'sql') s;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
  RETURN NEXT st || ': ' || msg;
  IF det <> '' THEN
    RETURN NEXT '  ' || det;
  END IF;
END $$;

-- expressions that end in a "--" comment are one expression: checks,
-- generation expressions, index expressions and predicates
CREATE TABLE t (id int PRIMARY KEY, a int);
\set commented '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "a", "type": "int"}, {"name": "g", "type": "int", "generated": "a * 2 -- twice"}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "t_a_pos", "expression": "a > 0 --"}, {"name": "t_a_small", "expression": "a < 100 -- small\\n AND a <> 50"}], "indexes": [{"name": "t_next", "columns": [{"expression": "a + 1 -- next"}], "where": "a > 1 --"}]}]}'
SELECT h.try('diff', :'commented');
SELECT h.show(viborm.push(:'commented'));
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 't'::regclass AND contype = 'c' ORDER BY conname;
SELECT pg_get_indexdef('t_next'::regclass);
SELECT viborm.push(:'commented')->'operations' AS again;
