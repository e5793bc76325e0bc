--
-- System schemas are never managed: information_schema, every pg_* name
-- (pg_catalog, pg_toast, pg_temp, and names CREATE SCHEMA would refuse,
-- such as pg_evil) and viborm are VB001 naming the schema and the JSON
-- path, for diff, push and introspect alike, and nothing is touched.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql
\i test/regress/try.sql
CREATE FUNCTION h.introspect(schemas text[]) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM viborm.introspect(schemas);
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT count(*) AS information_schema_views FROM pg_views WHERE schemaname = 'information_schema' \gset

-- managing a system schema through the document's schemas
SELECT h.try('push', '{"schemas": ["information_schema"], "tables": []}', '{"force": true}');
SELECT h.try('diff', '{"schemas": ["pg_catalog"], "tables": []}');
SELECT h.try('push', '{"schemas": ["public", "pg_toast"], "tables": []}', '{"force": true}');
-- through a table's or an enum's schema
SELECT h.try('diff', '{"tables": [{"schema": "pg_toast", "name": "x", "columns": []}]}');
SELECT h.try('push', '{"tables": [{"name": "t", "columns": []}, {"schema": "pg_evil", "name": "x", "columns": [{"name": "id", "type": "int"}]}]}');
SELECT h.try('push', '{"tables": [], "enums": [{"schema": "pg_temp", "name": "e", "values": ["a"]}]}');
SELECT h.try('diff', '{"tables": [{"schema": "information_schema", "name": "tables", "columns": []}]}');
-- through options.schemas
SELECT h.try('push', '{"tables": []}', '{"schemas": ["public", "pg_catalog"], "force": true}');
SELECT h.try('diff', '{"tables": []}', '{"schemas": ["viborm"]}');
SELECT h.try('push', '{"schemas": ["viborm"], "tables": []}', '{"force": true}');
-- names that only look like system schemas are user schemas
SELECT h.try('diff', '{"schemas": ["PG_catalog", "pg", "information_schema2"], "tables": []}');

-- introspect refuses them too
SELECT h.introspect(ARRAY['pg_catalog']);
SELECT h.introspect(ARRAY['public', 'information_schema']);
SELECT h.introspect(ARRAY['pg_toast']);
SELECT h.introspect(ARRAY['viborm']);

-- nothing was touched
SELECT count(*) = :information_schema_views AS information_schema_intact
FROM pg_views WHERE schemaname = 'information_schema';
SELECT nspname FROM pg_namespace WHERE nspname IN ('pg_evil', 'PG_catalog', 'pg', 'information_schema2');
SELECT count(*) AS history_rows FROM viborm.history;
