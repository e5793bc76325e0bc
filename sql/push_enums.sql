--
-- viborm.push(): enum types — create, drop, add values in order, rename
-- values and types, other schemas, arrays, new values used at once.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

\i test/regress/show.sql

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
