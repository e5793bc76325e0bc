--
-- Constraint options that used to be left unmanaged: NO INHERIT checks,
-- deferrable primary keys and unique constraints, MATCH FULL foreign keys;
-- a foreign key's deferrability altered in place; comments on indexes and
-- constraints; and names held by objects viborm leaves alone (VB008, before
-- anything runs).
--
\i test/regress/reset.sql
\i test/regress/show.sql
\set VERBOSITY terse

-- NO INHERIT: created, read back, and guarded on the table ONLY. A child
-- table outside the managed schemas inherits from t; its rows do not count
-- for a NO INHERIT check, and do for an inherited one.
\set t1 '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "int"}], "primaryKey": {"columns": ["id"]}}]}'
SELECT h.show(viborm.push(:'t1'));
CREATE SCHEMA kids;
CREATE TABLE kids.child () INHERITS (public.t);
INSERT INTO t VALUES (1, 5);
INSERT INTO kids.child VALUES (2, -5);
\set t2 '{"tables": [{"name": "t", "columns": [{"name": "id", "type": "int"}, {"name": "n", "type": "int"}], "primaryKey": {"columns": ["id"]}, "checks": [{"name": "t_n_positive", "expression": "n > 0", "noInherit": true}]}]}'
SELECT h.show(viborm.push(:'t2'));
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 't_n_positive';
SELECT c - 'name' AS check FROM jsonb_array_elements(viborm.introspect()->'tables'->0->'checks') c;
SELECT h.show(viborm.diff(:'t2'));
-- inherited: the child's row breaks it, so the guard refuses it
\set VERBOSITY default
SELECT h.show(viborm.push(replace(:'t2', ', "noInherit": true', '')::jsonb));
\echo :SQLSTATE
\set VERBOSITY terse
DELETE FROM kids.child;
SELECT h.show(viborm.push(replace(:'t2', ', "noInherit": true', '')::jsonb));
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 't_n_positive' AND conrelid = 't'::regclass;
DROP TABLE kids.child;

-- Deferrable keys. Created deferrable; the swap that a key checked row by
-- row refuses works; made non-deferrable again (dropped and added: ALTER
-- CONSTRAINT cannot change a key).
\set k1 '{"tables": [{"name": "k", "columns": [{"name": "id", "type": "int"}, {"name": "pos", "type": "int"}], "primaryKey": {"columns": ["id"], "deferrable": true}, "uniqueConstraints": [{"columns": ["pos"], "deferrable": true, "initiallyDeferred": true}]}]}'
SELECT h.show(viborm.push(:'k1', '{"force": true}'));
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'k'::regclass ORDER BY 1;
SELECT t->'primaryKey' AS pk, t->'uniqueConstraints' AS uniques
FROM jsonb_array_elements(viborm.introspect()->'tables') t WHERE t->>'name' = 'k';
SELECT h.show(viborm.diff(:'k1'));
INSERT INTO k VALUES (1, 1), (2, 2), (3, 3);
UPDATE k SET pos = pos + 1;
UPDATE k SET id = 4 - id;
SELECT * FROM k ORDER BY id;
\set k2 '{"tables": [{"name": "k", "columns": [{"name": "id", "type": "int"}, {"name": "pos", "type": "int"}], "primaryKey": {"columns": ["id"]}, "uniqueConstraints": [{"columns": ["pos"]}]}]}'
SELECT h.show(viborm.push(:'k2'));
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'k'::regclass ORDER BY 1;
UPDATE k SET pos = pos + 1;
SELECT h.show(viborm.diff(:'k2'));
-- the case that used to fail late: a deferrable key made in SQL, and a
-- document asking for a non-deferrable one of the same name (it was left
-- unmanaged, and ADD CONSTRAINT met "relation already exists")
CREATE TABLE d (a int CONSTRAINT d_a_key UNIQUE DEFERRABLE);
\set d1 '{"tables": [{"name": "d", "columns": [{"name": "a", "type": "int"}], "uniqueConstraints": [{"name": "d_a_key", "columns": ["a"]}]}]}'
SELECT h.show(viborm.push(:'d1', '{"force": true}'));
SELECT h.show(viborm.diff(:'d1'));
-- duplicates stop a deferrable key as any other: guarded
INSERT INTO d VALUES (7);
ALTER TABLE d DROP CONSTRAINT d_a_key;
INSERT INTO d VALUES (7);
\set VERBOSITY default
SELECT h.show(viborm.push(replace(:'d1', '"columns": ["a"]}', '"columns": ["a"], "deferrable": true}')::jsonb));
\echo :SQLSTATE
\set VERBOSITY terse
DELETE FROM d;
-- a foreign key cannot reference a deferrable key: refused before anything runs
SELECT viborm.diff('{"tables": [{"name": "p", "columns": [{"name": "id", "type": "int"}], "primaryKey": {"columns": ["id"], "deferrable": true}},
  {"name": "c", "columns": [{"name": "p", "type": "int"}], "foreignKeys": [{"columns": ["p"], "referencedTable": "p", "referencedColumns": ["id"]}]}]}',
  '{"force": true}');
\echo :SQLSTATE
SELECT viborm.diff('{"tables": [{"name": "p", "columns": [{"name": "id", "type": "int"}, {"name": "x", "type": "int"}], "primaryKey": {"columns": ["id"]}},
  {"name": "c", "columns": [{"name": "p", "type": "int"}], "foreignKeys": [{"columns": ["p"], "referencedTable": "p", "referencedColumns": ["x"]}]}]}',
  '{"force": true}');
-- initiallyDeferred needs deferrable
SELECT viborm.diff('{"tables": [{"name": "k", "columns": [{"name": "id", "type": "int"}], "primaryKey": {"columns": ["id"], "initiallyDeferred": true}}]}');

-- MATCH FULL: a key partly NULL is refused; all NULL passes. Guarded.
\set m1 '{"tables": [{"name": "p", "columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}], "primaryKey": {"columns": ["a", "b"]}}, {"name": "c", "columns": [{"name": "id", "type": "int"}, {"name": "a", "type": "int"}, {"name": "b", "type": "int"}], "foreignKeys": [{"columns": ["a", "b"], "referencedTable": "p", "referencedColumns": ["a", "b"], "match": "full"}]}]}'
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (id int, a int, b int);
INSERT INTO p VALUES (1, 1);
INSERT INTO c VALUES (1, 1, 1), (2, NULL, NULL), (3, 1, NULL);
\set VERBOSITY default
SELECT h.show(viborm.push(:'m1', '{"force": true}'));
\echo :SQLSTATE
\set VERBOSITY terse
DELETE FROM c WHERE id = 3;
SELECT h.show(viborm.push(:'m1', '{"force": true}'));
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'c_a_b_fkey';
SELECT f->'match' AS match FROM jsonb_array_elements(viborm.introspect()->'tables') t,
  jsonb_array_elements(t->'foreignKeys') f WHERE t->>'name' = 'c';
SELECT h.show(viborm.diff(:'m1', '{"force": true}'));
INSERT INTO c VALUES (4, 1, NULL);
-- back to MATCH SIMPLE: dropped and added
SELECT h.show(viborm.push(replace(:'m1', ', "match": "full"', '')::jsonb, '{"force": true}'));
-- "simple" written out is the default
SELECT h.show(viborm.diff(replace(:'m1', '"full"', '"simple"')::jsonb, '{"force": true}'));
SELECT viborm.diff(replace(:'m1', '"full"', '"partial"')::jsonb);

-- A foreign key's deferrability changes in place (ALTER CONSTRAINT), also
-- after a rename of its table and of itself: no scan, no guard.
\set f1 '{"tables": [{"name": "p", "columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}], "primaryKey": {"columns": ["a", "b"]}}, {"name": "c", "columns": [{"name": "id", "type": "int"}, {"name": "a", "type": "int"}, {"name": "b", "type": "int"}], "foreignKeys": [{"columns": ["a", "b"], "referencedTable": "p", "referencedColumns": ["a", "b"], "deferrable": true, "initiallyDeferred": true}]}]}'
SELECT h.show(viborm.push(:'f1', '{"force": true}'));
SELECT op->'hazards' AS hazards, jsonb_array_length(op->'sql') AS statements
FROM jsonb_array_elements(viborm.diff(replace(:'f1', ', "initiallyDeferred": true', '')::jsonb)->'operations') op;
SELECT h.show(viborm.push(replace(replace(:'f1', '"name": "c"', '"name": "c2", "renamedFrom": "c"'),
                                  '"deferrable": true, "initiallyDeferred": true',
                                  '"name": "c2_p_fkey", "deferrable": false')::jsonb, '{"force": true}'));
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'c2_p_fkey';

-- Comments on indexes, keys, foreign keys and checks: set, kept across
-- renames, set again on an object re-created, removed.
\set c1 '{"tables": [{"name": "cm", "columns": [{"name": "id", "type": "int"}, {"name": "p", "type": "int"}, {"name": "n", "type": "text"}], "primaryKey": {"columns": ["id"], "comment": "the key"}, "uniqueConstraints": [{"columns": ["n"], "comment": "one name"}], "indexes": [{"columns": ["p"], "comment": "by parent"}], "foreignKeys": [{"columns": ["p"], "referencedTable": "cm", "referencedColumns": ["id"], "comment": "the parent"}], "checks": [{"expression": "n <> ''''", "comment": "not empty"}]}]}'
SELECT h.show(viborm.push(:'c1', '{"force": true}'));
SELECT h.show(viborm.diff(:'c1'));
SELECT jsonb_path_query_array(t, 'strict $.**.comment') AS comments
FROM jsonb_array_elements(viborm.introspect()->'tables') t WHERE t->>'name' = 'cm';
-- the table renamed: the default names follow (renamed), comments stay;
-- one comment changed; the index made unique (re-created: commented again)
SELECT h.show(viborm.push(replace(replace(replace(:'c1', '"name": "cm"', '"name": "cn", "renamedFrom": "cm"'),
                                          '"referencedTable": "cm"', '"referencedTable": "cn"'),
                                  '"columns": ["p"], "comment": "by parent"',
                                  '"columns": ["p"], "unique": true, "comment": "by parent, once"')::jsonb,
                          '{"force": true}'));
SELECT obj_description('cn_p_idx'::regclass, 'pg_class') AS index_comment;
-- removed: IS NULL
SELECT h.show(viborm.push(regexp_replace(replace(replace(:'c1', '"name": "cm"', '"name": "cn"'),
                                                 '"referencedTable": "cm"', '"referencedTable": "cn"'),
                                         ', "comment": "[^"]*"', '', 'g')::jsonb, '{"force": true}'));
SELECT count(*) AS comments FROM pg_description d JOIN pg_constraint c ON c.oid = d.objoid
WHERE c.conrelid = 'cn'::regclass;

-- Names held by objects viborm leaves alone: VB008, every conflict, before
-- anything runs (diff and push alike). A view, a domain, a free-standing
-- sequence, an exclusion constraint and a unique constraint with INCLUDE.
CREATE SCHEMA held;
CREATE TABLE held.t (a int, b int, c int, CONSTRAINT t_a_key UNIQUE (a) INCLUDE (b));
ALTER TABLE held.t ADD CONSTRAINT t_ex EXCLUDE USING btree (c WITH =);
CREATE VIEW held.v AS SELECT 1 AS x;
CREATE DOMAIN held.mood AS text;
CREATE SEQUENCE held.t_id_seq;
\set h1 '{"tables": [{"schema": "held", "name": "t", "columns": [{"name": "id", "type": "serial"}, {"name": "a", "type": "int"}, {"name": "b", "type": "int"}, {"name": "c", "type": "int"}], "checks": [{"name": "t_ex", "expression": "c > 0"}]}, {"schema": "held", "name": "v", "columns": [{"name": "x", "type": "int"}]}, {"schema": "held", "name": "w", "columns": [{"name": "x", "type": "int"}], "indexes": [{"name": "t_a_key", "columns": ["x"]}]}], "enums": [{"schema": "held", "name": "mood", "values": ["ok"]}]}'
\set VERBOSITY default
SELECT viborm.diff(:'h1', '{"force": true}');
\echo :SQLSTATE
SELECT viborm.push(:'h1', '{"force": true}');
\echo :SQLSTATE
\set VERBOSITY terse
SELECT count(*) AS nothing_applied FROM pg_class WHERE relnamespace = 'held'::regnamespace AND relname IN ('w', 'w_x_idx');
SELECT count(*) AS no_history FROM viborm.history WHERE operations::text LIKE '%held%';
-- unnamed, the same objects are named around the held names, as
-- PostgreSQL names them: the unique constraint on a is t_a_key1
\set h2 '{"tables": [{"schema": "held", "name": "t", "columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}, {"name": "c", "type": "int"}], "uniqueConstraints": [{"columns": ["a"]}], "checks": [{"expression": "c > 0"}]}]}'
SELECT h.show(viborm.push(:'h2', '{"force": true}'));
SELECT h.show(viborm.diff(:'h2'));
-- a held name of a table the plan drops does not count; one of a renamed
-- table follows it
SELECT h.show(viborm.diff('{"schemas": ["held"], "tables": [{"schema": "held", "name": "u", "columns": [{"name": "x", "type": "int"}], "indexes": [{"name": "t_ex", "columns": ["x"]}]}]}', '{"force": true}'));
SELECT viborm.diff('{"schemas": ["held"], "tables": [{"schema": "held", "name": "t2", "renamedFrom": "t", "columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}, {"name": "c", "type": "int"}], "checks": [{"name": "t_ex", "expression": "c > 0"}]}]}', '{"force": true}');
\echo :SQLSTATE
-- a table created in a schema the push creates: nothing held there
SELECT h.show(viborm.diff('{"tables": [{"schema": "fresh", "name": "v", "columns": []}]}'));
