--
-- Versioned migrations in the server: viborm.migrate_apply, migrate_status
-- and migrate_down over migrations passed in as data, recorded in
-- viborm.migrations; refusals (VB009 edited or missing, VB010 out of
-- order, VB004 a failing statement) leave nothing applied.
--
\i test/regress/reset.sql
TRUNCATE viborm.migrations;
-- h.try(call): the result, or the error as text (SQLSTATE, message, detail, hint)
CREATE SCHEMA h;
CREATE FUNCTION h.try(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hint text; r jsonb;
BEGIN
  EXECUTE q INTO r;
  RETURN NEXT r::text;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL,
                          hint = PG_EXCEPTION_HINT;
  RETURN NEXT st || ': ' || msg;
  RETURN QUERY SELECT '  ' || l FROM regexp_split_to_table(NULLIF(det, ''), E'\n') l;
  IF hint <> '' THEN RETURN NEXT '  hint: ' || hint; END IF;
END $$;
-- the result without its timings
CREATE FUNCTION h.plain(r jsonb) RETURNS jsonb LANGUAGE sql AS $$
  SELECT r || jsonb_build_object('applied',
           COALESCE((SELECT jsonb_agg(a - 'durationMs') FROM jsonb_array_elements(r->'applied') a), '[]'))
$$;
CREATE FUNCTION h.status(m jsonb) RETURNS TABLE (version text, name text, state text, out_of_order bool)
LANGUAGE sql AS $$
  SELECT x->>'version', x->>'name', x->>'state', (x->>'outOfOrder')::bool
  FROM jsonb_array_elements(viborm.migrate_status(m)->'migrations') x
$$;
CREATE TABLE h.files (version text PRIMARY KEY, name text, sql text, down text);
INSERT INTO h.files VALUES
  ('0000', 'initial', E'CREATE TABLE public.users (id int PRIMARY KEY, email text NOT NULL);\n--> statement-breakpoint\nCREATE UNIQUE INDEX users_email_key ON public.users (email);\n', E'DROP TABLE public.users;\n'),
  ('0001', 'posts', E'CREATE TABLE posts (id int PRIMARY KEY, author int REFERENCES users (id));--> statement-breakpoint\n-- a comment alone is no statement\n--> statement-breakpoint\nINSERT INTO posts VALUES (1, NULL);', E'-- WARNING: drops table posts and its rows\nDROP TABLE posts;'),
  ('0002', 'title', 'ALTER TABLE posts ADD COLUMN title text', NULL);
-- merged late from another branch
CREATE TABLE h.late (LIKE h.files);
INSERT INTO h.late VALUES ('0000a', 'late', 'CREATE TABLE late (a int)', 'DROP TABLE late');
-- the migrations up to a version, as the CLI sends them
CREATE FUNCTION h.m(upto text, edit text DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('version', version, 'name', name,
           'sql', CASE WHEN version = edit THEN sql || ' -- edited' ELSE sql END, 'down', down))
           ORDER BY version)
  FROM h.files WHERE version <= upto
$$;

-- a dry run lists what would run and changes nothing
SELECT h.plain(viborm.migrate_apply(h.m('0001'), '{"dryRun": true}'));
SELECT count(*) AS recorded FROM viborm.migrations;
SELECT to_regclass('public.users') AS users;

-- apply: the pending files in order, statement by statement, recorded
SELECT h.plain(viborm.migrate_apply(h.m('0001')));
SELECT version, name, checksum = encode(sha256(convert_to(sql, 'UTF8')), 'hex') AS checksum_of_file,
       up_sql = sql AS up_kept, down_sql IS NOT DISTINCT FROM down AS down_kept, applied_by = current_user AS by_me,
       applied_at <= now() AS when_ok, duration_ms >= 0 AS duration_ok, baseline
FROM viborm.migrations JOIN h.files USING (version, name) ORDER BY version;
SELECT * FROM posts;
SELECT * FROM h.status(h.m('0002'));
-- applying again does nothing
SELECT h.plain(viborm.migrate_apply(h.m('0001')));

-- refusals change nothing
SELECT h.try($$SELECT viborm.migrate_apply(h.m('0002', '0001'))$$);
SELECT h.try($$SELECT viborm.migrate_apply(h.m('0000'))$$);
INSERT INTO h.files SELECT * FROM h.late;
SELECT h.try($$SELECT viborm.migrate_apply(h.m('0002'))$$);
SELECT h.try($$SELECT viborm.migrate_apply(h.m('0002'), '{"to": "0007"}')$$);
SELECT h.try($$SELECT viborm.migrate_apply('[{"version": "0003"}]')$$);
SELECT h.try($$SELECT viborm.migrate_apply('{"version": "0003"}')$$);
SELECT h.try($$SELECT viborm.migrate_apply('[{"version": "0003", "sql": "", "sqls": 1}]')$$);
SELECT h.try($$SELECT viborm.migrate_apply('[{"version": "a/b", "sql": ""}]')$$);
SELECT h.try($$SELECT viborm.migrate_apply('[]', '{"steps": 0}')$$);
SELECT * FROM h.status(h.m('0002', '0001'));
SELECT * FROM h.status(h.m('0000'));
SELECT count(*) AS recorded, to_regclass('public.late') AS late FROM viborm.migrations;

-- a failing statement: nothing of any file is left, the error names file, step, SQL
SELECT h.try($$SELECT viborm.migrate_apply(h.m('0002') || '[{"version": "0003", "name": "bad", "sql": "CREATE TABLE fine (a int);\n--> statement-breakpoint\nALTER TABLE nowhere ADD COLUMN b int"}]')$$);
SELECT count(*) AS recorded, to_regclass('public.fine') AS fine,
       (SELECT count(*) FROM information_schema.columns WHERE table_name = 'posts' AND column_name = 'title') AS title
FROM viborm.migrations;

-- out of order, accepted when asked
SELECT h.plain(viborm.migrate_apply(h.m('0002'), '{"allowOutOfOrder": true}'));

-- down: refused for a file without down SQL, or with warnings unless forced
SELECT h.try($$SELECT viborm.migrate_down()$$);
DELETE FROM h.files WHERE version = '0002';
BEGIN;
SELECT h.try($$SELECT viborm.migrate_down('{"to": "0000a"}')$$);
ROLLBACK;
-- by hand for the test: forget 0002 (as the owner could)
DELETE FROM viborm.migrations WHERE version = '0002';
ALTER TABLE posts DROP COLUMN title;
SELECT h.try($$SELECT viborm.migrate_down('{"dryRun": true}')$$);
SELECT h.try($$SELECT viborm.migrate_down()$$);
SELECT viborm.migrate_down('{"force": true, "dryRun": true}');
SELECT to_regclass('public.posts') AS posts_still_there;
SELECT viborm.migrate_down('{"force": true, "steps": 2}');
SELECT version FROM viborm.migrations ORDER BY version;
SELECT to_regclass('public.posts') AS posts, to_regclass('public.late') AS late, to_regclass('public.users') AS users;
SELECT h.try($$SELECT viborm.migrate_down('{"to": "0001"}')$$);

-- baseline: recorded as applied without running
SELECT h.plain(viborm.migrate_apply(h.m('0001'), '{"baseline": true, "to": "0000a"}'));
SELECT version, baseline FROM viborm.migrations ORDER BY version;
SELECT to_regclass('public.late') AS late_not_created;
DELETE FROM viborm.migrations;
DROP TABLE users;

-- drift: the live schema against the snapshot of the last applied migration
SELECT h.plain(viborm.migrate_apply(jsonb_build_array(jsonb_build_object('version', '0000', 'name', 'initial',
  'sql', 'CREATE TABLE public.users (id int PRIMARY KEY)',
  'snapshot', '{"tables": [{"name": "users", "columns": [{"name": "id", "type": "integer", "nullable": false}], "primaryKey": {"columns": ["id"], "name": "users_pkey"}}]}'::jsonb))));
ALTER TABLE users ADD COLUMN sneaky int;
SELECT x->>'kind' AS kind, x->>'object' AS object, x->'sql' AS sql
FROM jsonb_array_elements(viborm.migrate_status(jsonb_build_array(jsonb_build_object('version', '0000', 'name', 'initial',
  'sql', 'CREATE TABLE public.users (id int PRIMARY KEY)')))->'drift'->'operations') x;

DELETE FROM viborm.migrations;
DROP TABLE users;

-- the statements run with the caller's settings; viborm's own queries do not
CREATE SCHEMA app;
SET search_path = app, public;
SELECT h.plain(viborm.migrate_apply('[{"version": "0001", "name": "in-app", "sql": "CREATE TABLE things (a int)"}]'));
RESET search_path;
SELECT to_regclass('app.things') AS things;

-- who may do what: apply and down are not for PUBLIC; everyone may read
SELECT has_function_privilege('public', 'viborm.migrate_apply(jsonb, jsonb)', 'EXECUTE') AS apply_public,
       has_function_privilege('public', 'viborm.migrate_down(jsonb)', 'EXECUTE') AS down_public,
       has_function_privilege('public', 'viborm.migrate_status(jsonb, jsonb)', 'EXECUTE') AS status_public,
       has_table_privilege('public', 'viborm.migrations', 'SELECT') AS read_public,
       has_table_privilege('public', 'viborm.migrations', 'INSERT') AS insert_public;
-- the isolation level, as for push
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT h.try($$SELECT viborm.migrate_apply('[]')$$);
ROLLBACK;

-- reset: every object of the snapshots' schemas dropped (extension members
-- and other schemas kept), every record forgotten, every file applied again;
-- in the caller's transaction, so all of it or nothing
RESET search_path;
DROP SCHEMA app CASCADE;
DELETE FROM viborm.migrations;
CREATE TABLE h.shop (m jsonb);
INSERT INTO h.shop VALUES (jsonb_build_array(
  jsonb_build_object('version', '0001', 'name', 'shop', 'sql',
    E'CREATE SCHEMA IF NOT EXISTS shop;\n--> statement-breakpoint\nCREATE TYPE shop.mood AS ENUM (''a'', ''b'');\n'
    '--> statement-breakpoint\nCREATE TABLE shop.items (id serial PRIMARY KEY, m shop.mood, n int GENERATED ALWAYS AS IDENTITY);\n'
    '--> statement-breakpoint\nCREATE VIEW shop.v AS SELECT id FROM shop.items;\n'
    '--> statement-breakpoint\nCREATE FUNCTION shop.f() RETURNS int LANGUAGE sql AS ''SELECT 1'';\n'
    '--> statement-breakpoint\nINSERT INTO shop.items (m) VALUES (''a'');',
    'snapshot', '{"schemas": ["shop"], "tables": []}'::jsonb),
  jsonb_build_object('version', '0002', 'name', 'more', 'sql',
    'CREATE TABLE shop.more (id int PRIMARY KEY, item int REFERENCES shop.items (id))',
    'snapshot', '{"schemas": ["shop"], "tables": []}'::jsonb)));
SELECT jsonb_path_query_array(viborm.migrate_apply(m), '$.applied[*].version') AS applied FROM h.shop;
CREATE EXTENSION citext SCHEMA shop;
CREATE TABLE shop.extra (a shop.citext);
INSERT INTO shop.items (m) VALUES ('b');
CREATE TABLE public.keep (a int);
-- without force: refused, naming what would go
SELECT h.try(format('SELECT viborm.migrate_apply(%L, %L)', m, '{"reset": true}')) FROM h.shop;
-- a dry run lists it and changes nothing
SELECT jsonb_pretty(r->'reset') AS reset, jsonb_path_query_array(r, '$.applied[*].version') AS applied
FROM h.shop, viborm.migrate_apply(m, '{"reset": true, "dryRun": true}') r;
SELECT count(*) AS items, to_regclass('shop.extra') AS extra FROM shop.items;
-- an object elsewhere that depends on one: refused, nothing changed
CREATE VIEW public.uses_items AS SELECT id FROM shop.items;
SELECT h.try(format('SELECT viborm.migrate_apply(%L, %L)', m, '{"reset": true, "force": true}')) FROM h.shop;
SELECT count(*) AS items, to_regclass('shop.extra') AS extra, (SELECT count(*) FROM viborm.migrations) AS recorded
FROM shop.items;
DROP VIEW public.uses_items;
-- the reset
SELECT r->'reset'->'schemas' AS schemas, jsonb_array_length(r->'reset'->'dropped') AS dropped,
       r->'reset'->'forgotten' AS forgotten, jsonb_path_query_array(r, '$.applied[*].version') AS applied
FROM h.shop, viborm.migrate_apply(m, '{"reset": true, "force": true}') r;
SELECT id, m, n FROM shop.items;
SELECT to_regclass('shop.extra') AS extra, to_regclass('public.keep') AS keep,
       (SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = 'citext') AS citext_kept,
       (SELECT count(*) FROM viborm.migrations) AS recorded;
-- the schemas may be given; reset combines with neither baseline nor resume
SELECT r->'reset'->'schemas' AS schemas
FROM h.shop, viborm.migrate_apply(m, '{"reset": true, "force": true, "dryRun": true, "schemas": ["shop", "public"]}') r;
SELECT h.try($$SELECT viborm.migrate_apply('[]', '{"reset": true, "baseline": true}')$$);
SELECT h.try($$SELECT viborm.migrate_apply('[]', '{"reset": true, "schemas": ["viborm"]}')$$);
SELECT h.try($$SELECT viborm.migrate_apply('[]', '{"reset": true, "force": true, "schemas": ["nosuch"]}')$$);
SELECT h.try($$SELECT viborm.migrate_down('{"reset": true, "force": true}')$$);
SELECT h.try($$SELECT viborm.migrate_status('[]', '{"reset": true}')$$);
-- not the owner: refused
CREATE ROLE vb_reset_other;
GRANT EXECUTE ON FUNCTION viborm.migrate_apply(jsonb, jsonb) TO vb_reset_other;
GRANT USAGE ON SCHEMA h TO vb_reset_other;
GRANT SELECT ON h.shop TO vb_reset_other;
SET ROLE vb_reset_other;
SELECT h.try(format('SELECT viborm.migrate_apply(%L, %L)', m, '{"reset": true, "force": true}')) FROM h.shop;
RESET ROLE;
REVOKE ALL ON FUNCTION viborm.migrate_apply(jsonb, jsonb) FROM vb_reset_other;
REVOKE ALL ON SCHEMA h FROM vb_reset_other;
REVOKE ALL ON h.shop FROM vb_reset_other;
DROP ROLE vb_reset_other;
DROP EXTENSION citext;
DROP SCHEMA shop CASCADE;
DROP TABLE public.keep;
DELETE FROM viborm.migrations;
-- a schema a file creates without IF NOT EXISTS is dropped too, and made again
SELECT jsonb_path_query_array(viborm.migrate_apply(m), '$.applied[*].version') AS applied
FROM (SELECT '[{"version": "0001", "sql": "CREATE SCHEMA plain;\n--> statement-breakpoint\nCREATE TABLE plain.t (a int)", "snapshot": {"schemas": ["plain"], "tables": []}}]'::jsonb AS m) f;
SELECT r->'reset'->'dropped' AS dropped, jsonb_path_query_array(r, '$.applied[*].version') AS applied
FROM (SELECT viborm.migrate_apply('[{"version": "0001", "sql": "CREATE SCHEMA plain;\n--> statement-breakpoint\nCREATE TABLE plain.t (a int)", "snapshot": {"schemas": ["plain"], "tables": []}}]'::jsonb,
                                  '{"reset": true, "force": true}') AS r) x;
SELECT to_regclass('plain.t') AS t;
DROP SCHEMA plain CASCADE;
DELETE FROM viborm.migrations;
-- nothing tells which schemas: refused
SELECT h.try($$SELECT viborm.migrate_apply('[{"version": "1", "sql": "SELECT 1"}]', '{"reset": true, "force": true}')$$);

-- a squash of applied migrations is applied; of some of them, refused
CREATE TABLE h.sq (version text, sql text);
INSERT INTO h.sq VALUES ('0001', 'CREATE TABLE public.s1 (a int)'), ('0002', 'CREATE TABLE public.s2 (a int)');
SELECT jsonb_path_query_array(viborm.migrate_apply(jsonb_agg(jsonb_build_object('version', version, 'sql', sql) ORDER BY version)),
                              '$.applied[*].version') AS applied FROM h.sq;
CREATE FUNCTION h.squashed(extra text DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_array(jsonb_build_object('version', '0001', 'name', 'squashed',
    'sql', string_agg(sql, E';\n--> statement-breakpoint\n' ORDER BY version),
    'replaces', jsonb_agg(jsonb_build_object('version', version,
                  'checksum', encode(sha256(convert_to(sql, 'UTF8')), 'hex')) ORDER BY version)))
    || CASE WHEN extra IS NULL THEN '[]'::jsonb
       ELSE jsonb_build_array(jsonb_build_object('version', '0003', 'sql', extra)) END
  FROM h.sq
$$;
SELECT x->>'version' AS version, x->>'state' AS state, x->'squashed' AS squashed
FROM jsonb_array_elements(viborm.migrate_status(h.squashed())->'migrations') x;
SELECT jsonb_path_query_array(viborm.migrate_apply(h.squashed('CREATE TABLE public.s3 (a int)')),
                              '$.applied[*].version') AS applied;
DELETE FROM viborm.migrations WHERE version = '0002';
SELECT h.try($$SELECT viborm.migrate_apply(h.squashed())$$);
DROP TABLE public.s1, public.s2, public.s3;
DELETE FROM viborm.migrations;
