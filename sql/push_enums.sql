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

-- removing a value that rows still hold, without a mapping: a data guard
-- (VB006) lists every column and row count, with or without force, and
-- nothing is applied
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

-- an enum swap drops and re-creates what would block it: the default, a
-- check and indexes (predicate, expression) that mention the type, and a
-- generated column that uses the enum column (hazards.sql checks the
-- swap's rewrite against the relfilenode)
CREATE SCHEMA swap;
CREATE TYPE swap.st AS ENUM ('new', 'open', 'done');
CREATE TABLE swap.job (id int PRIMARY KEY, s swap.st NOT NULL DEFAULT 'new',
  rank int GENERATED ALWAYS AS (CASE WHEN s = 'done' THEN 1 ELSE 0 END) STORED,
  CONSTRAINT job_s_check CHECK (s <> 'open'));
CREATE INDEX job_s_done ON swap.job (id) WHERE s = 'done';
CREATE INDEX job_s_expr ON swap.job ((s = 'new'));
INSERT INTO swap.job VALUES (1, 'new'), (2, 'done'), (3, 'new');
\set swapdoc '{"schemas": ["swap"], "enums": [{"name": "st", "schema": "swap", "values": ["done", "new", "archived"]}], "tables": [{"name": "job", "schema": "swap", "columns": [{"name": "id", "type": "int"}, {"name": "s", "type": "st", "nullable": false, "default": "''new''"}, {"name": "rank", "type": "int", "generated": "CASE WHEN s = ''done'' THEN 1 ELSE 0 END"}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "job_s_check", "expression": "s <> ''archived''"}], "indexes": [{"name": "job_s_done", "columns": ["id"], "where": "s = ''done''"}, {"name": "job_s_expr", "columns": [{"expression": "s = ''new''"}]}]}]}'
SELECT h.show(viborm.push(:'swapdoc', '{"resolutions": "addAndDrop"}'));
-- a value added at the end afterwards needs no swap, and takes no lock
SELECT op->>'kind' AS kind, op->'hazards' AS hazards
FROM jsonb_array_elements(viborm.diff(replace(:'swapdoc', '"archived"]', '"archived", "closed"]')::jsonb)->'operations') op;
SELECT id, s, rank FROM swap.job ORDER BY id;
SELECT viborm.diff(:'swapdoc')->'operations' AS again;
