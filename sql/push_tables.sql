--
-- viborm.push(): creating, renaming and dropping tables; dry runs; history.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

\i test/regress/show.sql

-- create two tables
SELECT h.show(viborm.push('{"tables": [
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}'));
\d users
\d posts

-- the history row of that push
SELECT id, applied_by = current_user AS by_me, jsonb_array_length(operations) AS operations,
       array_length(sql, 1) AS statements, sql[1], length(checksum) AS checksum_length,
       checksum ~ '^[0-9a-f]{64}$' AS checksum_is_hex, duration_ms >= 0 AS has_duration,
       applied_at <= now() AS has_time
FROM viborm.history;
SELECT jsonb_path_query(operations, '$[*].kind') AS kind FROM viborm.history WHERE id = 1;
-- and its snapshot: the schema as it was right after the push
SELECT history_id, document = viborm.introspect() AS is_current,
       jsonb_path_query_array(document, '$.tables[*].name') AS tables
FROM viborm.snapshot;

-- pg_dump keeps the rows of both tables (and the id sequence)
SELECT unnest(extconfig)::regclass AS dumped FROM pg_extension WHERE extname = 'viborm';

-- the result of an applied push carries the history id; "sql" lists every
-- statement of the operations, in order
SELECT r->'applied' AS applied, r->'historyId' AS history_id,
       r->'sql' = jsonb_path_query_array(r, '$.operations[*].sql[*]') AS sql_in_order
FROM viborm.push('{"tables": [
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "tags", "columns": [{"name": "label", "type": "text"}]}]}') r;

-- pushing the same document again: nothing to do, no history row
SELECT r - 'unmanaged' AS result
FROM viborm.push('{"tables": [
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "tags", "columns": [{"name": "label", "type": "text"}]}]}') r;
SELECT count(*) AS history_rows FROM viborm.history;
SELECT count(*) AS snapshot_rows FROM viborm.snapshot;

INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');
INSERT INTO posts VALUES (1, 1, 'hello', 'first post'), (2, 2, 'again', 'second post');
INSERT INTO tags VALUES ('news');

-- dryRun plans, returns, and changes nothing
SELECT h.show(viborm.push('{"tables": [
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "tags", "columns": [{"name": "label", "type": "text"}]},
  {"name": "comments", "columns": [{"name": "id", "type": "int"}]}]}', '{"dryRun": true}'));
SELECT r->'applied' AS applied, r ? 'historyId' AS has_history_id
FROM viborm.push('{"tables": [{"name": "comments", "schema": "other",
                               "columns": [{"name": "id", "type": "int"}]}]}',
                 '{"dryRun": true}') r;
SELECT to_regnamespace('other') AS other;
SELECT to_regclass('comments') AS comments;
SELECT count(*) AS history_rows FROM viborm.history;

-- a table dropped from the document is destructive: push refuses without force
SELECT viborm.push('{"tables": [
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}');
-- diff lists it, and never raises
SELECT jsonb_path_query(viborm.diff('{"tables": [
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}'), '$.destructive[*]') AS destructive;
SELECT count(*) AS tags_rows FROM tags;
SELECT h.show(viborm.push('{"tables": [
  {"name": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}', '{"force": true}'));
SELECT to_regclass('tags') AS tags;

-- rename with renamedFrom, and the renamed table's other changes in the same
-- push: a new column, and its primary key and sequence named as PostgreSQL
-- would name them for the new table
SELECT h.show(viborm.push('{"tables": [
  {"name": "members", "renamedFrom": "users", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "posts", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}'));
SELECT * FROM members ORDER BY id;
INSERT INTO members (email) VALUES ('c@example.com') RETURNING id;
\d members

-- without renamedFrom, a table that disappears while a similar one appears
-- is ambiguous: diff lists the pair (and plans drop + create) ...
SELECT h.show(viborm.diff('{"tables": [
  {"name": "members", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "articles", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}'));
-- ... and push refuses (VB002)
SELECT viborm.push('{"tables": [
  {"name": "members", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "articles", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}');
-- options.resolutions settles it: a rename, rows kept
SELECT h.show(viborm.push('{"tables": [
  {"name": "members", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "articles", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}',
  '{"resolutions": [{"kind": "table", "schema": "public", "from": "posts", "to": "articles",
                     "resolution": "rename"}]}'));
SELECT * FROM articles ORDER BY id;

-- the blanket "rename" resolution
SELECT h.show(viborm.push('{"tables": [
  {"name": "members", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "entries", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}', '{"resolutions": "rename"}'));
SELECT count(*) AS entries_rows FROM entries;

-- "addAndDrop" declines the rename: the old table is dropped (force needed)
SELECT viborm.push('{"tables": [
  {"name": "members", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "notes", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}', '{"resolutions": "addAndDrop"}');
SELECT h.show(viborm.push('{"tables": [
  {"name": "members", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "notes", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}}]}', '{"resolutions": "addAndDrop", "force": true}'));
SELECT count(*) AS notes_rows FROM notes;
SELECT to_regclass('entries') AS entries;

-- a table in another schema (created with it), renamed across schemas with
-- "schema.name" in renamedFrom
SELECT h.show(viborm.push('{"tables": [
  {"name": "members", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "notes", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "audit", "schema": "archive", "columns": [{"name": "at", "type": "timestamptz"}]}]}'));
INSERT INTO archive.audit VALUES ('2024-01-01 00:00:00+00');
SELECT h.show(viborm.push('{"tables": [
  {"name": "members", "columns": [
     {"name": "id", "type": "serial"},
     {"name": "email", "type": "text", "nullable": false},
     {"name": "joined", "type": "date"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "notes", "columns": [
     {"name": "id", "type": "bigint", "nullable": false},
     {"name": "user_id", "type": "integer"},
     {"name": "title", "type": "varchar(200)"},
     {"name": "body", "type": "text"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "audit_log", "renamedFrom": "archive.audit",
   "columns": [{"name": "at", "type": "timestamptz"}]}]}',
  '{"schemas": ["public", "archive"]}'));
SELECT at = '2024-01-01 00:00:00+00' AS kept FROM audit_log;
-- the emptied schema stays
SELECT nspname FROM pg_namespace WHERE nspname = 'archive';

-- every applied push has its history row and snapshot
SELECT count(*) AS history_rows, count(s.history_id) AS snapshots,
       bool_and(length(checksum) = 64) AS checksums
FROM viborm.history h LEFT JOIN viborm.snapshot s ON s.history_id = h.id;
SELECT s.document->'tables' = i->'tables' AND s.document->'enums' = i->'enums'
         AS last_snapshot_is_current
FROM (SELECT document FROM viborm.snapshot ORDER BY history_id DESC LIMIT 1) s,
     viborm.introspect(ARRAY['public', 'archive']) i;
