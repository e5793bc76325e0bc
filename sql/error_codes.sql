--
-- Precise error codes for what a document or the options get wrong: a
-- lockTimeout beyond PostgreSQL's range, JSON nested deeper than the
-- reader's limit, and (in a SQL_ASCII database) names that are not UTF-8
-- are VB001 with the JSON path, refused before anything runs.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql
\i test/regress/try.sql

-- lockTimeout beyond lock_timeout's range (INT_MAX milliseconds)
SELECT h.try('push', '{"tables": []}', '{"lockTimeout": "597h"}');
SELECT h.try('diff', '{"tables": []}', '{"lockTimeout": "2147483648"}');
SELECT h.try('push', '{"tables": []}', '{"lockTimeout": "2147483647ms", "dryRun": true}');

-- JSON nested deeper than 1000 levels: a clear message with the path
SELECT h.try('diff', ('{"tables": [{"name": "t", "columns": [{"name": "c", "type": '
                      || repeat('[', 1100) || repeat(']', 1100) || '}]}]}')::jsonb);
SELECT h.try('push', '{"tables": []}', ('{"resolutions": [{"kind": "table", "from": '
                                       || repeat('{"a": ', 1001) || '1' || repeat('}', 1001) || '}]}')::jsonb);
-- 1000 levels are read (and this document is refused for its type)
SELECT h.try('diff', ('{"tables": [{"name": "t", "columns": [{"name": "c", "type": '
                      || repeat('[', 995) || repeat(']', 995) || '}]}]}')::jsonb);

-- a SQL_ASCII database stores any bytes, but history records UTF-8: a
-- document whose names are not UTF-8 is refused before anything runs
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS regress_viborm_sql_ascii;
RESET client_min_messages;
CREATE DATABASE regress_viborm_sql_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c regress_viborm_sql_ascii
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never
CREATE EXTENSION viborm;
\i test/regress/try.sql
-- h.latin1(s): s with "e" acute as the single byte 0xe9 (Latin-1)
CREATE FUNCTION h.latin1(s text) RETURNS text LANGUAGE sql AS $$
  SELECT replace(s, 'E9', convert_from('\xe9'::bytea, 'SQL_ASCII'))
$$;
SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database();
-- a column named "cafE9" (Latin-1 bytes), in a push and in a diff
SELECT h.try('push', h.latin1('{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "cafE9", "type": "int"}]}]}')::jsonb);
SELECT h.try('diff', h.latin1('{"tables": [{"name": "t", "columns": [], "comment": "cafE9"}]}')::jsonb);
SELECT h.try('push', '{"tables": []}', h.latin1('{"schemas": ["cafE9"]}')::jsonb);
SELECT to_regclass('t') AS t, count(*) AS history_rows FROM viborm.history;
-- UTF-8 names are fine, and recorded
SELECT h.try('push', '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "café", "type": "int"}]}]}');
SELECT count(*) AS history_rows, bool_and(sql[1] LIKE '%café%') AS recorded FROM viborm.history;
-- a table whose name is not UTF-8 already exists: a plan that names it is
-- refused before it runs
SELECT format('CREATE TABLE %I (id int)', h.latin1('cafE9')) AS ddl \gset
:ddl;
SELECT h.try('push', '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "café", "type": "int"}]}]}', '{"force": true}');
SELECT count(*) AS tables, count(*) FILTER (WHERE relname = 't') AS t FROM pg_class
WHERE relnamespace = 'public'::regnamespace AND relkind = 'r';
SELECT count(*) AS history_rows FROM viborm.history;
\c :regress_db
DROP DATABASE regress_viborm_sql_ascii;
