--
-- viborm.push(): primary keys, unique constraints, foreign keys and indexes;
-- PostgreSQL's names for unnamed objects; renames that follow a table rename.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

\i test/regress/show.sql
-- the constraints and indexes of the public schema, as the catalog has them
CREATE FUNCTION h.objects() RETURNS TABLE (tbl name, kind text, name name, definition text)
LANGUAGE sql AS $$
  SELECT c.relname, con.contype::text, con.conname, pg_get_constraintdef(con.oid)
  FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
  WHERE c.relnamespace = 'public'::regnamespace
  UNION ALL
  SELECT c.relname, 'index', ic.relname, pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
  WHERE c.relnamespace = 'public'::regnamespace
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
  ORDER BY 1, 2, 3
$$;

-- unnamed objects get the names PostgreSQL would give them
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["slug"]}]},
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "org_id", "type": "integer"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "name", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["email"]}],
   "indexes": [{"columns": ["name"]}, {"columns": ["org_id", "name"]}],
   "foreignKeys": [{"columns": ["org_id"], "referencedTable": "orgs", "referencedColumns": ["id"]}]}]}'));
SELECT * FROM h.objects();
-- naming them explicitly with those names changes nothing
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"name": "orgs_pkey", "columns": ["id"]},
   "uniqueConstraints": [{"name": "orgs_slug_key", "columns": ["slug"]}]},
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "org_id", "type": "integer"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "name", "type": "text"}],
   "primaryKey": {"name": "users_pkey", "columns": ["id"]},
   "uniqueConstraints": [{"name": "users_email_key", "columns": ["email"]}],
   "indexes": [{"name": "users_name_idx", "columns": ["name"]},
               {"name": "users_org_id_name_idx", "columns": ["org_id", "name"]}],
   "foreignKeys": [{"name": "users_org_id_fkey", "columns": ["org_id"],
                    "referencedTable": "orgs", "referencedColumns": ["id"]}]}]}'));

-- a table rename: PostgreSQL keeps users_pkey, users_email_key, users_id_seq,
-- users_name_idx and users_org_id_fkey; the document names them after the
-- new table, so they are renamed (never dropped and re-created)
INSERT INTO orgs VALUES (1, 'acme');
INSERT INTO users (org_id, email, name) VALUES (1, 'a@example.com', 'ann');
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["slug"]}]},
  {"name": "people", "renamedFrom": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "org_id", "type": "integer"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "name", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["email"]}],
   "indexes": [{"columns": ["name"]}, {"columns": ["org_id", "name"]}],
   "foreignKeys": [{"columns": ["org_id"], "referencedTable": "orgs", "referencedColumns": ["id"]}]}]}'));
SELECT * FROM h.objects();
SELECT pg_get_serial_sequence('people', 'id') AS sequence;
INSERT INTO people (email) VALUES ('b@example.com') RETURNING id;
-- a name that the document keeps stays: explicit old names are not renamed
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["slug"]}]},
  {"name": "humans", "renamedFrom": "people", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "org_id", "type": "integer"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "name", "type": "text"}],
   "primaryKey": {"name": "people_pkey", "columns": ["id"]},
   "uniqueConstraints": [{"name": "people_email_key", "columns": ["email"]}],
   "indexes": [{"name": "people_name_idx", "columns": ["name"]},
               {"name": "people_org_id_name_idx", "columns": ["org_id", "name"]}],
   "foreignKeys": [{"name": "people_org_id_fkey", "columns": ["org_id"],
                    "referencedTable": "orgs", "referencedColumns": ["id"]}]}]}'));
SELECT * FROM h.objects() WHERE tbl = 'humans';
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["slug"]}]}]}', '{"force": true}'));

-- primary keys: add, change, drop
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["slug"]}]},
  {"name": "k", "columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"},
                            {"name": "c", "type": "text"}]}]}'));
INSERT INTO k VALUES (1, 1, 'x'), (1, 2, 'y');
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["slug"]}]},
  {"name": "k", "columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"},
                            {"name": "c", "type": "text"}],
   "primaryKey": {"columns": ["a", "b"]}}]}'));
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["slug"]}]},
  {"name": "k", "columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"},
                            {"name": "c", "type": "text"}],
   "primaryKey": {"name": "k_main", "columns": ["b", "a"]}}]}'));
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]},
   "uniqueConstraints": [{"columns": ["slug"]}]},
  {"name": "k", "columns": [{"name": "a", "type": "int", "nullable": false},
                            {"name": "b", "type": "int", "nullable": false},
                            {"name": "c", "type": "text"}]}]}'));

-- unique constraints: two added to k (unnamed and named), orgs' dropped;
-- then one of k's dropped
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "k", "columns": [{"name": "a", "type": "int", "nullable": false},
                            {"name": "b", "type": "int", "nullable": false},
                            {"name": "c", "type": "text"}],
   "uniqueConstraints": [{"columns": ["c"]}, {"name": "k_a_b_uq", "columns": ["a", "b"]}]}]}'));
SELECT * FROM h.objects() WHERE tbl IN ('k', 'orgs');
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "k", "columns": [{"name": "a", "type": "int", "nullable": false},
                            {"name": "b", "type": "int", "nullable": false},
                            {"name": "c", "type": "text"}],
   "uniqueConstraints": [{"name": "k_a_b_uq", "columns": ["a", "b"]}]}]}'));

-- foreign keys: composite, every action, deferrable
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "k", "columns": [{"name": "a", "type": "int", "nullable": false},
                            {"name": "b", "type": "int", "nullable": false},
                            {"name": "c", "type": "text"}],
   "uniqueConstraints": [{"name": "k_a_b_uq", "columns": ["a", "b"]}]},
  {"name": "f", "columns": [
     {"name": "id", "type": "int"},
     {"name": "ka", "type": "int"}, {"name": "kb", "type": "int"},
     {"name": "o1", "type": "int"}, {"name": "o2", "type": "int", "default": "1"},
     {"name": "o3", "type": "int"}, {"name": "o4", "type": "int"}],
   "primaryKey": {"columns": ["id"]},
   "foreignKeys": [
     {"columns": ["ka", "kb"], "referencedTable": "k", "referencedColumns": ["a", "b"],
      "onDelete": "cascade", "onUpdate": "cascade"},
     {"columns": ["o1"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "setNull", "onUpdate": "restrict"},
     {"columns": ["o2"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "setDefault", "onUpdate": "noAction"},
     {"columns": ["o3"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "restrict", "deferrable": true},
     {"name": "f_o4_deferred", "columns": ["o4"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "deferrable": true, "initiallyDeferred": true}]}]}'));
SELECT * FROM h.objects() WHERE tbl = 'f' AND kind = 'f';
-- the introspected foreign keys read back as written
SELECT jsonb_path_query(viborm.introspect(), '$.tables[*] ? (@.name == "f").foreignKeys[*]') AS fk;
-- the deferred FK is checked at commit
BEGIN;
INSERT INTO f (id, o4) VALUES (1, 99);
INSERT INTO orgs VALUES (99, 'late');
COMMIT;
-- an action change re-creates the FK (drop, then add)
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "k", "columns": [{"name": "a", "type": "int", "nullable": false},
                            {"name": "b", "type": "int", "nullable": false},
                            {"name": "c", "type": "text"}],
   "uniqueConstraints": [{"name": "k_a_b_uq", "columns": ["a", "b"]}]},
  {"name": "f", "columns": [
     {"name": "id", "type": "int"},
     {"name": "ka", "type": "int"}, {"name": "kb", "type": "int"},
     {"name": "o1", "type": "int"}, {"name": "o2", "type": "int", "default": "1"},
     {"name": "o3", "type": "int"}, {"name": "o4", "type": "int"}],
   "primaryKey": {"columns": ["id"]},
   "foreignKeys": [
     {"columns": ["ka", "kb"], "referencedTable": "k", "referencedColumns": ["a", "b"],
      "onDelete": "cascade", "onUpdate": "cascade"},
     {"columns": ["o1"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "cascade", "onUpdate": "restrict"},
     {"columns": ["o2"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "setDefault", "onUpdate": "noAction"},
     {"columns": ["o3"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "restrict", "deferrable": true},
     {"name": "f_o4_deferred", "columns": ["o4"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "deferrable": true, "initiallyDeferred": true}]}]}'));

-- dropping a table that others reference: their FKs go first
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "f", "columns": [
     {"name": "id", "type": "int"},
     {"name": "ka", "type": "int"}, {"name": "kb", "type": "int"},
     {"name": "o1", "type": "int"}, {"name": "o2", "type": "int", "default": "1"},
     {"name": "o3", "type": "int"}, {"name": "o4", "type": "int"}],
   "primaryKey": {"columns": ["id"]},
   "foreignKeys": [
     {"columns": ["o1"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "cascade", "onUpdate": "restrict"},
     {"columns": ["o2"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "setDefault", "onUpdate": "noAction"},
     {"columns": ["o3"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "onDelete": "restrict", "deferrable": true},
     {"name": "f_o4_deferred", "columns": ["o4"], "referencedTable": "orgs", "referencedColumns": ["id"],
      "deferrable": true, "initiallyDeferred": true}]}]}', '{"force": true}'));

-- a cycle of FKs between two tables created in one push: both tables
-- first, then both FKs (f, left out of this document, is dropped: its FKs
-- first)
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "chicken", "columns": [{"name": "id", "type": "int"}, {"name": "egg_id", "type": "int"}],
   "primaryKey": {"columns": ["id"]},
   "foreignKeys": [{"columns": ["egg_id"], "referencedTable": "egg", "referencedColumns": ["id"]}]},
  {"name": "egg", "columns": [{"name": "id", "type": "int"}, {"name": "chicken_id", "type": "int"}],
   "primaryKey": {"columns": ["id"]},
   "foreignKeys": [{"columns": ["chicken_id"], "referencedTable": "chicken", "referencedColumns": ["id"]}]}]}',
  '{"force": true}'));
-- and both dropped in one push
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}', '{"force": true}'));

-- indexes: create (unique, multi-column, methods, partial), then change
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "docs", "columns": [
     {"name": "id", "type": "int"}, {"name": "title", "type": "text"},
     {"name": "tags", "type": "text[]"}, {"name": "at", "type": "tsrange"},
     {"name": "deleted", "type": "boolean"}],
   "indexes": [
     {"columns": ["id"], "unique": true},
     {"columns": ["title", "id"]},
     {"columns": ["tags"], "type": "gin"},
     {"columns": ["at"], "type": "gist"},
     {"name": "docs_title_hash", "columns": ["title"], "type": "hash"},
     {"name": "docs_live", "columns": ["title"], "where": "NOT deleted"}]}]}'));
SELECT * FROM h.objects() WHERE tbl = 'docs';
-- the same indexes, as the catalog prints them: nothing to do
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "docs", "columns": [
     {"name": "id", "type": "int"}, {"name": "title", "type": "text"},
     {"name": "tags", "type": "text[]"}, {"name": "at", "type": "tsrange"},
     {"name": "deleted", "type": "boolean"}],
   "indexes": [
     {"name": "docs_id_idx", "columns": ["id"], "unique": true, "type": "btree"},
     {"name": "docs_title_id_idx", "columns": ["title", "id"]},
     {"name": "docs_tags_idx", "columns": ["tags"], "type": "GIN"},
     {"name": "docs_at_idx", "columns": ["at"], "type": "gist"},
     {"name": "docs_title_hash", "columns": ["title"], "type": "hash"},
     {"name": "docs_live", "columns": ["title"], "where": "(NOT deleted)"}]}]}'));
-- method change, predicate change, column change, one dropped
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "docs", "columns": [
     {"name": "id", "type": "int"}, {"name": "title", "type": "text"},
     {"name": "tags", "type": "text[]"}, {"name": "at", "type": "tsrange"},
     {"name": "deleted", "type": "boolean"}],
   "indexes": [
     {"columns": ["id"], "unique": true},
     {"columns": ["title", "id"]},
     {"columns": ["tags"], "type": "gin"},
     {"name": "docs_title_hash", "columns": ["title"], "type": "btree"},
     {"name": "docs_live", "columns": ["title"], "where": "deleted IS NOT TRUE AND id > 0"}]}]}'));
SELECT * FROM h.objects() WHERE tbl = 'docs';
-- an unnamed index that matches an existing one by definition takes
-- PostgreSQL's name by a rename
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "docs", "columns": [
     {"name": "id", "type": "int"}, {"name": "title", "type": "text"},
     {"name": "tags", "type": "text[]"}, {"name": "at", "type": "tsrange"},
     {"name": "deleted", "type": "boolean"}],
   "indexes": [
     {"columns": ["id"], "unique": true},
     {"columns": ["title", "id"]},
     {"columns": ["tags"], "type": "gin"},
     {"columns": ["title"]},
     {"name": "docs_live", "columns": ["title"], "where": "deleted IS NOT TRUE AND id > 0"}]}]}'));
-- and an index renamed with renamedFrom
SELECT h.show(viborm.push('{"tables": [
  {"name": "orgs", "columns": [{"name": "id", "type": "integer"}, {"name": "slug", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "docs", "columns": [
     {"name": "id", "type": "int"}, {"name": "title", "type": "text"},
     {"name": "tags", "type": "text[]"}, {"name": "at", "type": "tsrange"},
     {"name": "deleted", "type": "boolean"}],
   "indexes": [
     {"columns": ["id"], "unique": true},
     {"columns": ["title", "id"]},
     {"columns": ["tags"], "type": "gin"},
     {"columns": ["title"]},
     {"name": "docs_visible", "renamedFrom": "docs_live", "columns": ["title"],
      "where": "deleted IS NOT TRUE AND id > 0"}]}]}'));
SELECT * FROM h.objects() WHERE tbl = 'docs';
SELECT h.show(viborm.diff(viborm.introspect()));
