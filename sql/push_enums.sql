--
-- viborm.push(): enum types — create, drop, add values in order, rename
-- values and types, other schemas, arrays, new values used at once.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

-- start from an empty database, whatever ran before in it
SET client_min_messages = warning;
DO $$
DECLARE s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('information_schema', 'viborm') AND nspname !~ '^pg_' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
TRUNCATE viborm.snapshot, viborm.history RESTART IDENTITY;
RESET client_min_messages;

-- h.show(result): one line per operation (kind, object, destructive), its
-- SQL statements indented below, then any ambiguous pairs
CREATE SCHEMA h;
CREATE FUNCTION h.show(r jsonb) RETURNS SETOF text LANGUAGE sql AS $$
  SELECT line FROM (
    SELECT 0 AS o1, 0::bigint AS o2, 'applied: ' || (r->>'applied') AS line
    UNION ALL
    SELECT 1, n * 1000,
           concat(op->>'kind', ' ',
                  concat_ws('.', op->>'schema', op->>'table',
                            nullif(op->>'object', coalesce(op->>'table', op->>'schema'))),
                  CASE WHEN (op->>'destructive')::boolean THEN ' (destructive)' END)
    FROM jsonb_array_elements(r->'operations') WITH ORDINALITY a(op, n)
    UNION ALL
    SELECT 1, n * 1000 + m, '    ' || s
    FROM jsonb_array_elements(r->'operations') WITH ORDINALITY a(op, n),
         jsonb_array_elements_text(op->'sql') WITH ORDINALITY b(s, m)
    UNION ALL
    SELECT 2, n, concat('ambiguous ', x->>'kind', ' ',
                        concat_ws('.', x->>'schema', coalesce(x->>'table', x->>'enum')),
                        ': ', x->>'from', ' -> ', x->>'to')
    FROM jsonb_array_elements(r->'ambiguous') WITH ORDINALITY a(x, n)
  ) s ORDER BY o1, o2
$$;

-- the enum is created before the table that uses it
SELECT h.show(viborm.push('{
  "enums": [{"name": "mood", "values": ["sad", "ok"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "mood", "default": "''ok''"},
    {"name": "history", "type": "mood[]"}]}]}'));
INSERT INTO diary VALUES (1, 'sad', '{sad,ok}'), (2, 'ok', '{ok}');

-- add values at the start, in the middle and at the end: their order is kept
SELECT h.show(viborm.push('{
  "enums": [{"name": "mood", "values": ["awful", "sad", "meh", "ok", "happy"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "mood", "default": "''ok''"},
    {"name": "history", "type": "mood[]"}]}]}'));
SELECT enum_range(NULL::mood);
SELECT viborm.introspect()->'enums' AS enums;

-- rename a value: the rows holding it follow
SELECT h.show(viborm.push('{
  "enums": [{"name": "mood", "values": ["awful", "sad", "meh", {"name": "fine", "renamedFrom": "ok"}, "happy"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "mood", "default": "''fine''"},
    {"name": "history", "type": "mood[]"}]}]}'));
SELECT * FROM diary ORDER BY id;
SELECT pg_get_expr(adbin, adrelid) AS mood_default FROM pg_attrdef WHERE adrelid = 'diary'::regclass;

-- without renamedFrom a value that disappears while another appears is
-- ambiguous
SELECT h.show(viborm.diff('{
  "enums": [{"name": "mood", "values": ["awful", "sad", "meh", "good", "happy"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "mood"},
    {"name": "history", "type": "mood[]"}]}]}'));
SELECT viborm.push('{
  "enums": [{"name": "mood", "values": ["awful", "sad", "meh", "good", "happy"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "mood"},
    {"name": "history", "type": "mood[]"}]}]}');
-- the ambiguous entry names the enum; an entry of options.resolutions
-- shaped like it settles the pair
SELECT jsonb_path_query(viborm.diff('{
  "enums": [{"name": "mood", "values": ["awful", "sad", "meh", "good", "happy"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "mood"},
    {"name": "history", "type": "mood[]"}]}]}'), '$.ambiguous[*]') AS ambiguous;
SELECT h.show(viborm.diff('{
  "enums": [{"name": "mood", "values": ["awful", "sad", "meh", "good", "happy"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "mood", "default": "''good''"},
    {"name": "history", "type": "mood[]"}]}]}',
  '{"resolutions": [{"kind": "enumValue", "enum": "mood", "from": "fine", "to": "good",
                     "resolution": "rename"}]}'));

-- rename the type: columns, arrays and defaults follow
SELECT h.show(viborm.push('{
  "enums": [{"name": "feeling", "renamedFrom": "mood", "values": ["awful", "sad", "meh", "fine", "happy"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "feeling", "default": "''fine''"},
    {"name": "history", "type": "feeling[]"}]}]}'));
SELECT id, mood, history, pg_typeof(mood) AS type, pg_typeof(history) AS array_type FROM diary ORDER BY id;
SELECT pg_get_expr(adbin, adrelid) AS mood_default FROM pg_attrdef WHERE adrelid = 'diary'::regclass;

-- a value added and used as a default in the same push: ADD VALUE would
-- leave it unusable until commit, so the type is re-created in place and
-- every column converted; the rows survive
SELECT h.show(viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "sad", "meh", "fine", "good", "happy"]}],
  "tables": [{"name": "diary", "columns": [
    {"name": "id", "type": "int"},
    {"name": "mood", "type": "feeling", "default": "''good''"},
    {"name": "history", "type": "feeling[]"}]}]}'));
INSERT INTO diary (id) VALUES (3);
SELECT * FROM diary ORDER BY id;
SELECT enum_range(NULL::feeling);
SELECT count(*) AS leftover_types FROM pg_type WHERE typname LIKE '%viborm%';

-- an enum in another schema, used there and from public
SELECT h.show(viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "sad", "meh", "fine", "good", "happy"]},
            {"name": "kind", "schema": "app", "values": ["x", "y"]}],
  "tables": [{"name": "diary", "columns": [
               {"name": "id", "type": "int"},
               {"name": "mood", "type": "feeling", "default": "''good''"},
               {"name": "history", "type": "feeling[]"},
               {"name": "kind", "type": "app.kind"}]},
             {"name": "item", "schema": "app", "columns": [
               {"name": "k", "type": "kind", "default": "''x''"},
               {"name": "ks", "type": "kind[]"}]}]}'));
INSERT INTO app.item VALUES (DEFAULT, '{y,x}');
SELECT h.show(viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "sad", "meh", "fine", "good", "happy"]},
            {"name": "kind", "schema": "app", "values": ["w", "x", {"name": "z", "renamedFrom": "y"}]}],
  "tables": [{"name": "diary", "columns": [
               {"name": "id", "type": "int"},
               {"name": "mood", "type": "feeling", "default": "''good''"},
               {"name": "history", "type": "feeling[]"},
               {"name": "kind", "type": "app.kind"}]},
             {"name": "item", "schema": "app", "columns": [
               {"name": "k", "type": "kind", "default": "''x''"},
               {"name": "ks", "type": "kind[]"}]}]}'));
SELECT * FROM app.item;
SELECT jsonb_path_query(viborm.introspect(ARRAY['app', 'public']), '$.enums[*]') AS enum;

-- drop an enum: destructive
SELECT h.show(viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "sad", "meh", "fine", "good", "happy"]},
            {"name": "kind", "schema": "app", "values": ["w", "x", "z"]},
            {"name": "spare", "values": ["a"]}],
  "tables": [{"name": "diary", "columns": [
               {"name": "id", "type": "int"},
               {"name": "mood", "type": "feeling", "default": "''good''"},
               {"name": "history", "type": "feeling[]"},
               {"name": "kind", "type": "app.kind"}]},
             {"name": "item", "schema": "app", "columns": [
               {"name": "k", "type": "kind", "default": "''x''"},
               {"name": "ks", "type": "kind[]"}]}]}'));
SELECT viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "sad", "meh", "fine", "good", "happy"]},
            {"name": "kind", "schema": "app", "values": ["w", "x", "z"]}],
  "tables": [{"name": "diary", "columns": [
               {"name": "id", "type": "int"},
               {"name": "mood", "type": "feeling", "default": "''good''"},
               {"name": "history", "type": "feeling[]"},
               {"name": "kind", "type": "app.kind"}]},
             {"name": "item", "schema": "app", "columns": [
               {"name": "k", "type": "kind", "default": "''x''"},
               {"name": "ks", "type": "kind[]"}]}]}', '{"schemas": ["public", "app"]}');
SELECT h.show(viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "sad", "meh", "fine", "good", "happy"]},
            {"name": "kind", "schema": "app", "values": ["w", "x", "z"]}],
  "tables": [{"name": "diary", "columns": [
               {"name": "id", "type": "int"},
               {"name": "mood", "type": "feeling", "default": "''good''"},
               {"name": "history", "type": "feeling[]"},
               {"name": "kind", "type": "app.kind"}]},
             {"name": "item", "schema": "app", "columns": [
               {"name": "k", "type": "kind", "default": "''x''"},
               {"name": "ks", "type": "kind[]"}]}]}', '{"schemas": ["public", "app"], "force": true}'));
SELECT to_regtype('spare') AS spare;

-- removing a value that rows still hold: destructive, and with force the
-- step fails (nothing is applied)
SELECT viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "meh", "fine", "good", "happy"]},
            {"name": "kind", "schema": "app", "values": ["w", "x", "z"]}],
  "tables": [{"name": "diary", "columns": [
               {"name": "id", "type": "int"},
               {"name": "mood", "type": "feeling", "default": "''good''"},
               {"name": "history", "type": "feeling[]"},
               {"name": "kind", "type": "app.kind"}]},
             {"name": "item", "schema": "app", "columns": [
               {"name": "k", "type": "kind", "default": "''x''"},
               {"name": "ks", "type": "kind[]"}]}]}');
SELECT viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "meh", "fine", "good", "happy"]},
            {"name": "kind", "schema": "app", "values": ["w", "x", "z"]}],
  "tables": [{"name": "diary", "columns": [
               {"name": "id", "type": "int"},
               {"name": "mood", "type": "feeling", "default": "''good''"},
               {"name": "history", "type": "feeling[]"},
               {"name": "kind", "type": "app.kind"}]},
             {"name": "item", "schema": "app", "columns": [
               {"name": "k", "type": "kind", "default": "''x''"},
               {"name": "ks", "type": "kind[]"}]}]}', '{"force": true}');
SELECT enum_range(NULL::feeling);
SELECT * FROM diary ORDER BY id;
-- once no row holds it, the value can go: the type is re-created, the
-- columns converted, and the column default (unchanged in the document)
-- is still there afterwards
UPDATE diary SET mood = 'meh' WHERE mood = 'sad';
UPDATE diary SET history = array_replace(history, 'sad', 'meh');
SELECT r->'applied' AS applied
FROM viborm.push('{
  "enums": [{"name": "feeling", "values": ["awful", "meh", "fine", "good", "happy"]},
            {"name": "kind", "schema": "app", "values": ["w", "x", "z"]}],
  "tables": [{"name": "diary", "columns": [
               {"name": "id", "type": "int"},
               {"name": "mood", "type": "feeling", "default": "''good''"},
               {"name": "history", "type": "feeling[]"},
               {"name": "kind", "type": "app.kind"}]},
             {"name": "item", "schema": "app", "columns": [
               {"name": "k", "type": "kind", "default": "''x''"},
               {"name": "ks", "type": "kind[]"}]}]}', '{"force": true}') r;
SELECT enum_range(NULL::feeling);
SELECT * FROM diary ORDER BY id;
SELECT pg_get_expr(adbin, adrelid) AS mood_default FROM pg_attrdef WHERE adrelid = 'diary'::regclass;
SELECT h.show(viborm.diff(viborm.introspect(ARRAY['public', 'app'])));
