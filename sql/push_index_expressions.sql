--
-- Index expressions as people write them, against the same indexes created
-- in SQL: the class of the AT TIME ZONE phantom difference. PostgreSQL
-- decides what an index element is (an expression that is only a column,
-- with or without COLLATE, is a column) and how pg_get_indexdef prints it
-- (parentheses around what does not read as a function call); viborm reads
-- both from an index built on a scratch table, never from rules of its own.
-- Each sibling: a document spelled by hand plans nothing against the SQL
-- schema, pushes onto an empty schema, converges, re-plans nothing, and
-- gives the catalog the very definitions SQL gave it.
--
\i test/regress/reset.sql
\i test/regress/show.sql
-- name, expression as a user writes it (also what the SQL side uses)
CREATE TABLE h.ix (name text PRIMARY KEY, expr text NOT NULL);
INSERT INTO h.ix VALUES
  ('e_at_time_zone', $$tz AT TIME ZONE 'UTC'$$),
  ('e_at_time_zone_ts', $$ts AT TIME ZONE 'Europe/Paris'$$),
  ('e_timezone', $$timezone('UTC', tz)$$),
  ('e_distinct', $$a IS DISTINCT FROM b$$),
  ('e_not_distinct', $$a IS NOT DISTINCT FROM b$$),
  ('e_between', $$a BETWEEN 1 AND 10$$),
  ('e_not_between_symmetric', $$a NOT BETWEEN SYMMETRIC 10 AND 1$$),
  ('e_like', $$name LIKE 'a%'$$),
  ('e_ilike', $$name ILIKE 'a%'$$),
  ('e_similar', $$name SIMILAR TO 'a%'$$),
  ('e_collate_expression', $$lower(name) COLLATE "C"$$),
  ('e_cast', $$CAST(a AS bigint)$$),
  ('e_cast_varchar', $$v::text$$),
  ('e_cast_date', $$ts::date$$),
  ('e_overlaps', $$(s1, e1) OVERLAPS (ts, ts + interval '1 day')$$),
  ('e_array', $$ARRAY[a, b]$$),
  ('e_row_compare', $$(a, b) < (1, 2)$$),
  ('e_row_is_null', $$ROW(a, b) IS NULL$$),
  ('e_extract', $$EXTRACT(year FROM ts)$$),
  ('e_substring', $$substring(name from 1 for 2)$$),
  ('e_position', $$position('a' in name)$$),
  ('e_trim', $$trim(both from name)$$),
  ('e_coalesce', $$coalesce(a, b)$$),
  ('e_case', $$CASE WHEN a > 0 THEN 'p' ELSE 'n' END$$),
  ('e_in', $$a IN (1, 2, 3)$$),
  ('e_any', $$a = ANY (ARRAY[1, 2])$$),
  ('e_json', $$(data->>'k')::int$$),
  ('e_concat', $$name || '!'$$),
  ('e_minus', $$-a$$),
  ('e_greatest', $$GREATEST(a, b)$$),
  ('e_nullif', $$NULLIF(a, 0)$$),
  ('e_is_true', $$flag IS TRUE$$);
-- columns of the table, in both forms
CREATE FUNCTION h.columns() RETURNS jsonb LANGUAGE sql AS $$
  SELECT '[{"name": "id", "type": "int"}, {"name": "a", "type": "int"}, {"name": "b", "type": "int"},
           {"name": "name", "type": "text"}, {"name": "v", "type": "varchar(20)"},
           {"name": "ts", "type": "timestamp"}, {"name": "tz", "type": "timestamptz"},
           {"name": "s1", "type": "timestamp"}, {"name": "e1", "type": "timestamp"},
           {"name": "data", "type": "jsonb"}, {"name": "flag", "type": "bool"}]'::jsonb
$$;
-- the document: table e in schema s, one index per expression
CREATE FUNCTION h.doc(s text) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('schemas', jsonb_build_array(s), 'tables', jsonb_build_array(
    jsonb_build_object('schema', s, 'name', 'e', 'columns', h.columns(),
      'indexes', (SELECT jsonb_agg(jsonb_build_object('name', name, 'columns',
                                   jsonb_build_array(jsonb_build_object('expression', expr)))
                                   ORDER BY name) FROM h.ix))))
$$;
-- index definitions of schema s, with the schema name left out
CREATE FUNCTION h.indexdefs(s text) RETURNS TABLE (name name, def text) LANGUAGE sql AS $$
  SELECT c.relname, replace(pg_get_indexdef(c.oid), ' ON ' || s || '.e ', ' ON e ')
  FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
  WHERE i.indrelid = (s || '.e')::regclass
$$;
-- the same indexes in SQL
CREATE SCHEMA sq;
CREATE TABLE sq.e (id int, a int, b int, name text, v varchar(20), ts timestamp,
                   tz timestamptz, s1 timestamp, e1 timestamp, data jsonb, flag bool);
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT * FROM h.ix LOOP
    EXECUTE format('CREATE INDEX %I ON sq.e ((%s))', r.name, r.expr);
  END LOOP;
END $$;
-- what the server prints for them
SELECT name, def FROM h.indexdefs('sq') ORDER BY name;
-- the hand-written document plans nothing against them (AT TIME ZONE,
-- OVERLAPS and the COLLATE ones were a drop and a create, forever, while
-- viborm printed index elements by a rule of its own)
SELECT h.show(viborm.diff(h.doc('sq')));
-- pushed onto an empty schema: created, converged (no VB005), nothing left
CREATE SCHEMA vb;
SELECT jsonb_array_length(viborm.push(h.doc('vb'))->'operations') AS operations;
SELECT h.show(viborm.diff(h.doc('vb')));
-- and the catalog holds the very definitions SQL made
SELECT coalesce(q.name, v.name) AS index, q.def AS sql, v.def AS viborm
FROM h.indexdefs('sq') q FULL JOIN h.indexdefs('vb') v USING (name)
WHERE q.def IS DISTINCT FROM v.def;
-- the printed form read back: introspect() of sq pushed into a third schema
-- gives the same definitions again
CREATE SCHEMA vi;
SELECT jsonb_array_length(viborm.push(replace(viborm.introspect(ARRAY['sq'])::text,
                                              '"sq"', '"vi"')::jsonb)->'operations') AS operations;
SELECT coalesce(q.name, v.name) AS index, q.def AS sql, v.def AS viborm
FROM h.indexdefs('sq') q FULL JOIN h.indexdefs('vi') v USING (name)
WHERE q.def IS DISTINCT FROM v.def;
SELECT h.show(viborm.diff(h.doc('vi')));

-- An expression that is only a column is that column, as CREATE INDEX
-- makes it: with COLLATE, in parentheses, cast to its own type.
\set cols '[{"name": "a", "type": "int"}, {"name": "name", "type": "text"}]'
CREATE TABLE public.c (a int, name text);
CREATE INDEX c_collate ON public.c (name COLLATE "C");
CREATE INDEX c_paren ON public.c (a);
CREATE INDEX c_cast ON public.c (name);
SELECT h.show(viborm.diff(jsonb_build_object('tables', jsonb_build_array(jsonb_build_object(
  'name', 'c', 'columns', :'cols'::jsonb, 'indexes', '[
    {"name": "c_collate", "columns": [{"expression": "name COLLATE \"C\""}]},
    {"name": "c_paren", "columns": [{"expression": "(a)"}]},
    {"name": "c_cast", "columns": [{"expression": "name::text"}]}]'::jsonb))),
  '{"schemas": ["public"]}'));
SELECT jsonb_pretty(t->'indexes') AS indexes
FROM jsonb_array_elements(viborm.introspect()->'tables') t WHERE t->>'name' = 'c';
-- unnamed, they are named as PostgreSQL names them (after the column)
SELECT h.show(viborm.diff(jsonb_build_object('tables', jsonb_build_array(jsonb_build_object(
  'name', 'c', 'columns', :'cols'::jsonb, 'indexes', '[
    {"columns": [{"expression": "(a)"}]}, {"columns": [{"expression": "lower(name)"}]}]'::jsonb))),
  '{"schemas": ["public"]}'));

-- errors name the element the server's error points into
SELECT viborm.diff('{"tables": [{"name": "c", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": ["a", {"expression": "a + nope"}]}]}]}');
SELECT viborm.diff('{"tables": [{"name": "c", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": [{"expression": "a + 1"}], "where": "nope > 0"}]}]}');
-- and the server checks what CREATE INDEX checks
SELECT viborm.diff('{"tables": [{"name": "c", "columns": [{"name": "a", "type": "int"}],
  "indexes": [{"columns": [{"expression": "a + random()"}]}]}]}');
-- a trailing comment in an expression ends on its own line
SELECT h.show(viborm.diff('{"tables": [{"name": "c", "columns": [{"name": "a", "type": "int"}, {"name": "name", "type": "text"}],
  "indexes": [{"name": "c_collate", "columns": [{"column": "name", "collation": "C"}]},
              {"name": "c_paren", "columns": ["a"]}, {"name": "c_cast", "columns": ["name"]},
              {"name": "c_plus", "columns": [{"expression": "a + 1 -- one more"}], "where": "a > 0 -- positive"}]}]}'));
