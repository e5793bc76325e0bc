--
-- Storage parameters of tables and indexes ("with"): created with WITH (...),
-- compared as PostgreSQL stores them (name=value, in any order), changed with
-- ALTER ... SET / RESET, an index rebuilt only for a parameter it reads when
-- it is built; hazards from the server's own lock levels; errors at the path.
--
\i test/regress/reset.sql
\i test/regress/show.sql
CREATE FUNCTION h.options(rel regclass) RETURNS text[] LANGUAGE sql AS $$
  SELECT array_agg(o ORDER BY o) FROM pg_class c, unnest(c.reloptions) o WHERE c.oid = rel
$$;
CREATE FUNCTION h.toast_options(rel regclass) RETURNS text[] LANGUAGE sql AS $$
  SELECT array_agg(o ORDER BY o) FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid,
         unnest(t.reloptions) o WHERE c.oid = rel
$$;
CREATE FUNCTION h.hazards(r jsonb) RETURNS SETOF text LANGUAGE sql AS $$
  SELECT concat(op->>'kind', ' ', op->>'object', ': ', op->'hazards')
  FROM jsonb_array_elements(r->'operations') op
$$;
\set doc1 '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "body", "type": "text"}, {"name": "tags", "type": "text[]"}, {"name": "at", "type": "timestamp"}, {"name": "h", "type": "int"}], "with": {"fillfactor": 70, "autovacuum_enabled": false, "toast.autovacuum_enabled": "off", "autovacuum_vacuum_scale_factor": 0.05}, "indexes": [{"name": "t_id_idx", "columns": ["id"], "with": {"fillfactor": 90, "deduplicate_items": "off"}}, {"name": "t_tags_idx", "columns": ["tags"], "type": "gin", "with": {"fastupdate": false}}, {"name": "t_at_idx", "columns": ["at"], "type": "brin", "with": {"pages_per_range": 16}}, {"name": "t_h_idx", "columns": ["h"], "type": "hash", "with": {"fillfactor": 80}}]}]}'
SELECT h.show(viborm.push(:'doc1'));
SELECT h.options('t') AS t, h.toast_options('t') AS toast, h.options('t_id_idx') AS t_id_idx,
       h.options('t_tags_idx') AS t_tags_idx, h.options('t_at_idx') AS t_at_idx,
       h.options('t_h_idx') AS t_h_idx;
-- nothing left to do, in either form
SELECT h.show(viborm.diff(:'doc1'));
SELECT h.show(viborm.diff(viborm.introspect()));
-- introspect: numbers and booleans that read back as the same text, the
-- rest as strings; TOAST parameters as toast.<name>
SELECT t->'with' AS t, jsonb_path_query_array(t, '$.indexes[*].with') AS indexes
FROM jsonb_array_elements(viborm.introspect()->'tables') t;
-- a number written as a string is the same text; the order is not compared
SELECT h.show(viborm.diff(replace(replace(:'doc1', '"fillfactor": 70, "autovacuum_enabled": false',
                                          '"autovacuum_enabled": false, "fillfactor": "70"'),
                                  '"fillfactor": 90, "deduplicate_items": "off"',
                                  '"deduplicate_items": "off", "fillfactor": 90')::jsonb));

-- changes: table parameters set, changed and reset (SET and RESET, no
-- rewrite: the relfilenode stays); btree and gin parameters changed in
-- place; BRIN pages_per_range and hash fillfactor rebuild their index
CREATE TEMPORARY TABLE before AS SELECT relname, relfilenode FROM pg_class
  WHERE relname IN ('t', 't_id_idx', 't_tags_idx', 't_at_idx', 't_h_idx');
INSERT INTO t SELECT g, repeat('x', 10), ARRAY['a'], now(), g FROM generate_series(1, 100) g;
\set doc2 '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "body", "type": "text"}, {"name": "tags", "type": "text[]"}, {"name": "at", "type": "timestamp"}, {"name": "h", "type": "int"}], "with": {"fillfactor": 80, "parallel_workers": 2}, "indexes": [{"name": "t_id_idx", "columns": ["id"], "with": {"fillfactor": 90}}, {"name": "t_tags_idx", "columns": ["tags"], "type": "gin", "with": {"fastupdate": true, "gin_pending_list_limit": 128}}, {"name": "t_at_idx", "columns": ["at"], "type": "brin", "with": {"pages_per_range": 32}}, {"name": "t_h_idx", "columns": ["h"], "type": "hash", "with": {"fillfactor": 90}}]}]}'
SELECT h.show(viborm.diff(:'doc2'));
SELECT h.hazards(viborm.diff(:'doc2'));
SELECT h.show(viborm.push(:'doc2'));
SELECT h.show(viborm.diff(:'doc2'));
SELECT h.options('t') AS t, h.toast_options('t') AS toast, h.options('t_id_idx') AS t_id_idx,
       h.options('t_tags_idx') AS t_tags_idx, h.options('t_at_idx') AS t_at_idx,
       h.options('t_h_idx') AS t_h_idx;
SELECT b.relname, c.relfilenode = b.relfilenode AS same_storage
FROM before b JOIN pg_class c USING (relname) ORDER BY 1;
SELECT count(*) AS rows FROM t;
-- every parameter dropped: RESET
SELECT h.show(viborm.push(regexp_replace(:'doc2', ', "with": \{[^}]*\}', '', 'g')::jsonb));
SELECT h.options('t') AS t, h.options('t_id_idx') AS t_id_idx, h.options('t_tags_idx') AS t_tags_idx;

-- a parameter equal to its default is still a parameter: set, and shown
SELECT h.show(viborm.diff('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "body", "type": "text"}, {"name": "tags", "type": "text[]"}, {"name": "at", "type": "timestamp"}, {"name": "h", "type": "int"}], "with": {"fillfactor": 100}, "indexes": [{"name": "t_id_idx", "columns": ["id"]}, {"name": "t_tags_idx", "columns": ["tags"], "type": "gin"}, {"name": "t_at_idx", "columns": ["at"], "type": "brin"}, {"name": "t_h_idx", "columns": ["h"], "type": "hash"}]}]}'));
-- on the index of a renamed index: under the new name, after the rename
SELECT h.show(viborm.diff('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "body", "type": "text"}, {"name": "tags", "type": "text[]"}, {"name": "at", "type": "timestamp"}, {"name": "h", "type": "int"}], "indexes": [{"name": "t_id_key", "renamedFrom": "t_id_idx", "columns": ["id"], "with": {"fillfactor": 50}}, {"name": "t_tags_idx", "columns": ["tags"], "type": "gin"}, {"name": "t_at_idx", "columns": ["at"], "type": "brin"}, {"name": "t_h_idx", "columns": ["h"], "type": "hash"}]}]}'));

-- errors: the server's own, at the path of the parameters or the index
SELECT viborm.diff('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}], "with": {"filfactor": 70}}]}');
SELECT viborm.diff('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}], "with": {"fillfactor": 5}}]}');
SELECT viborm.diff('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int[]"}], "indexes": [{"columns": ["id"], "type": "gin", "with": {"fillfactor": 70}}]}]}');
SELECT viborm.diff('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}], "indexes": [{"columns": ["id"], "with": {"fillfactor": 70, "pages_per_range": 2}}]}]}');
-- the reader's own: values that are not a number, a boolean or a string
SELECT viborm.diff('{"tables": [{"name": "t", "columns": [], "with": {"fillfactor": [70]}}]}');
SELECT viborm.diff('{"tables": [{"name": "t", "columns": [], "with": {"": 1}}]}');
SELECT viborm.diff('{"tables": [{"name": "t", "columns": [], "with": ["fillfactor"]}]}');
SELECT count(*) AS tables FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r';
