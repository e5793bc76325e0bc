--
-- Cancel and statement_timeout stop viborm at once, whatever the document:
-- the core asks the extension in every loop over objects whether to stop
-- (CHECK_FOR_INTERRUPTS), and its checks are linear. Each document below is
-- one that used to keep a backend busy for much longer after the timeout
-- (quadratic checks that ignored cancel): a table of 150,000 columns, 60,000
-- enums, 100,000 schema names given to introspect. Each call is canceled
-- with 57014; the only timing asserted is a generous bound (10 s, against
-- a 100 ms timeout).
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql
CREATE SCHEMA h;
CREATE TABLE h.docs (name text PRIMARY KEY, doc jsonb);
INSERT INTO h.docs
SELECT 'columns', jsonb_build_object('tables', jsonb_build_array(jsonb_build_object(
         'name', 'wide', 'columns',
         (SELECT jsonb_agg(jsonb_build_object('name', 'c' || g, 'type', 'integer'))
          FROM generate_series(1, 150000) g))))
UNION ALL
SELECT 'enums', jsonb_build_object('tables', '[]'::jsonb, 'enums',
         (SELECT jsonb_agg(jsonb_build_object('name', 'e' || g, 'values', jsonb_build_array('a', 'b')))
          FROM generate_series(1, 60000) g));
SELECT name, pg_column_size(doc) > 1000000 AS big FROM h.docs ORDER BY name;
-- h.canceled(call): run the call under a 100 ms statement_timeout (set by
-- the caller) and report how it ended
CREATE FUNCTION h.canceled(call text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz := clock_timestamp();
BEGIN
  EXECUTE call;
  RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
  RETURN 'canceled (' || SQLSTATE || ') within 10 s: ' || (clock_timestamp() - t0 < interval '10 s');
END $$;

SET statement_timeout = '100ms';
SELECT h.canceled('SELECT viborm.diff(doc) FROM h.docs WHERE name = ''columns''');
RESET statement_timeout;
SET statement_timeout = '100ms';
SELECT h.canceled('SELECT viborm.diff(doc) FROM h.docs WHERE name = ''enums''');
RESET statement_timeout;
SET statement_timeout = '100ms';
SELECT h.canceled('SELECT viborm.push(doc, ''{"dryRun": true}'') FROM h.docs WHERE name = ''columns''');
RESET statement_timeout;
SET statement_timeout = '100ms';
SELECT h.canceled('SELECT viborm.introspect(ARRAY(SELECT ''s'' || g FROM generate_series(1, 100000) g))');
RESET statement_timeout;

-- nothing was left behind, and the session works
SELECT count(*) AS history_rows FROM viborm.history;
SELECT nspname FROM pg_namespace WHERE nspname ~ '^(s|e)[0-9]';
SELECT jsonb_array_length(viborm.diff('{"tables": []}')->'operations') AS operations;
