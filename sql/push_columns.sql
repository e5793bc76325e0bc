--
-- viborm.push(): column changes — add, drop, rename, types, nullability,
-- defaults, serial and identity — and spellings that converge.
--
\set ON_ERROR_STOP 0
\set VERBOSITY default
\set SHOW_CONTEXT never

\i test/regress/reset.sql

\i test/regress/show.sql

SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "name", "type": "text"},
  {"name": "age", "type": "text"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "note", "type": "text"}],
  "primaryKey": {"columns": ["id"]}}]}'));
INSERT INTO t VALUES (1, 'ann', '42', 10, 'A1', 5, 'n1'), (2, 'bob', '7', NULL, 'B2', 6, 'n2');

-- add columns: nullable, and NOT NULL with a default (fills existing rows)
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "name", "type": "text"},
  {"name": "age", "type": "text"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "note", "type": "text"},
  {"name": "nick", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}'));
SELECT id, nick, active FROM t ORDER BY id;

-- drop a column: destructive, refused without force
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "name", "type": "text"},
  {"name": "age", "type": "text"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "note", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}');
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "name", "type": "text"},
  {"name": "age", "type": "text"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "note", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}', '{"force": true}'));

-- rename with renamedFrom: the data stays
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text", "renamedFrom": "name"},
  {"name": "age", "type": "text"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "note", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}'));
SELECT id, full_name FROM t ORDER BY id;

-- a column of the same type disappearing while another appears: ambiguous
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "text"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}');
-- settled per pair in options.resolutions
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "text"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}',
  '{"resolutions": [{"kind": "column", "table": "t", "from": "note", "to": "remark",
                     "resolution": "rename"}]}'));
SELECT id, remark FROM t ORDER BY id;

-- type changes
-- text -> integer is not on the safe list: destructive, refused without force
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "integer"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}');
-- with force, USING converts the rows, which hold numbers: the data stays
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "integer"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(10)"},
  {"name": "qty", "type": "integer"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}', '{"force": true}'));
SELECT id, age, pg_typeof(age) FROM t ORDER BY id;

-- safe changes need no force: integer -> bigint, varchar(10) -> varchar(50)
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "integer"},
  {"name": "score", "type": "bigint"},
  {"name": "code", "type": "varchar(50)"},
  {"name": "qty", "type": "integer"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}'));
SELECT jsonb_path_query(viborm.diff('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "integer"},
  {"name": "score", "type": "numeric"},
  {"name": "code", "type": "text"},
  {"name": "qty", "type": "integer"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}'), '$.operations[*].destructive') AS bigint_to_numeric_varchar_to_text_destructive;
-- narrowing is destructive: varchar(50) -> varchar(5), bigint -> integer
SELECT jsonb_path_query(viborm.diff('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "integer"},
  {"name": "score", "type": "integer"},
  {"name": "code", "type": "varchar(5)"},
  {"name": "qty", "type": "integer"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}'), '$.destructive[*].reason') AS reason;
-- integer -> text is not on the safe list either
SELECT viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "integer"},
  {"name": "score", "type": "bigint"},
  {"name": "code", "type": "varchar(50)"},
  {"name": "qty", "type": "text"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}');
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text"},
  {"name": "age", "type": "integer"},
  {"name": "score", "type": "bigint"},
  {"name": "code", "type": "varchar(50)"},
  {"name": "qty", "type": "text"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean", "nullable": false, "default": "true"}],
  "primaryKey": {"columns": ["id"]}}]}', '{"force": true}'));
SELECT id, score, code, qty FROM t ORDER BY id;

-- nullability and defaults: set NOT NULL, drop NOT NULL, set, change and
-- drop a default
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text", "nullable": false},
  {"name": "age", "type": "integer", "default": "18"},
  {"name": "score", "type": "bigint", "default": "0"},
  {"name": "code", "type": "varchar(50)"},
  {"name": "qty", "type": "text"},
  {"name": "remark", "type": "text", "default": "''none''"},
  {"name": "active", "type": "boolean"}],
  "primaryKey": {"columns": ["id"]}}]}'));
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "nullable": false},
  {"name": "full_name", "type": "text", "nullable": false},
  {"name": "age", "type": "integer", "default": "21"},
  {"name": "score", "type": "bigint"},
  {"name": "code", "type": "varchar(50)"},
  {"name": "qty", "type": "text"},
  {"name": "remark", "type": "text", "default": null},
  {"name": "active", "type": "boolean", "default": "NULL"}],
  "primaryKey": {"columns": ["id"]}}]}'));
\d t

-- serial-style <-> plain
-- plain -> autoIncrement: a sequence owned by the column, continuing after
-- the current maximum
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer", "autoIncrement": true},
  {"name": "full_name", "type": "text", "nullable": false},
  {"name": "age", "type": "integer", "default": "21"},
  {"name": "score", "type": "bigint"},
  {"name": "code", "type": "varchar(50)"},
  {"name": "qty", "type": "text"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean"}],
  "primaryKey": {"columns": ["id"]}}]}'));
INSERT INTO t (full_name) VALUES ('cid') RETURNING id;
SELECT pg_get_serial_sequence('t', 'id') AS sequence;
-- autoIncrement -> plain: the default goes, and the sequence with it
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "integer"},
  {"name": "full_name", "type": "text", "nullable": false},
  {"name": "age", "type": "integer", "default": "21"},
  {"name": "score", "type": "bigint"},
  {"name": "code", "type": "varchar(50)"},
  {"name": "qty", "type": "text"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean"}],
  "primaryKey": {"columns": ["id"]}}]}'));
SELECT to_regclass('t_id_seq') AS sequence;
-- "serial" is shorthand for integer + autoIncrement
SELECT h.show(viborm.push('{"tables": [{"name": "t", "columns": [
  {"name": "id", "type": "serial"},
  {"name": "full_name", "type": "text", "nullable": false},
  {"name": "age", "type": "integer", "default": "21"},
  {"name": "score", "type": "bigint"},
  {"name": "code", "type": "varchar(50)"},
  {"name": "qty", "type": "text"},
  {"name": "remark", "type": "text"},
  {"name": "active", "type": "boolean"}],
  "primaryKey": {"columns": ["id"]}}]}'));
INSERT INTO t (full_name) VALUES ('dee') RETURNING id;

-- identity: add (continuing after the maximum), change generation, remove
SELECT h.show(viborm.push('{"tables": [
  {"name": "t", "columns": [
    {"name": "id", "type": "serial"},
    {"name": "full_name", "type": "text", "nullable": false},
    {"name": "age", "type": "integer", "default": "21"},
    {"name": "score", "type": "bigint"},
    {"name": "code", "type": "varchar(50)"},
    {"name": "qty", "type": "text"},
    {"name": "remark", "type": "text"},
    {"name": "active", "type": "boolean"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "ev", "columns": [{"name": "id", "type": "bigint"}, {"name": "what", "type": "text"}]}]}'));
INSERT INTO ev VALUES (10, 'ten'), (20, 'twenty');
SELECT h.show(viborm.push('{"tables": [
  {"name": "t", "columns": [
    {"name": "id", "type": "serial"},
    {"name": "full_name", "type": "text", "nullable": false},
    {"name": "age", "type": "integer", "default": "21"},
    {"name": "score", "type": "bigint"},
    {"name": "code", "type": "varchar(50)"},
    {"name": "qty", "type": "text"},
    {"name": "remark", "type": "text"},
    {"name": "active", "type": "boolean"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "ev", "columns": [{"name": "id", "type": "bigint", "identity": {"generation": "byDefault"}},
                             {"name": "what", "type": "text"}]}]}'));
INSERT INTO ev (what) VALUES ('next') RETURNING id;
SELECT h.show(viborm.push('{"tables": [
  {"name": "t", "columns": [
    {"name": "id", "type": "serial"},
    {"name": "full_name", "type": "text", "nullable": false},
    {"name": "age", "type": "integer", "default": "21"},
    {"name": "score", "type": "bigint"},
    {"name": "code", "type": "varchar(50)"},
    {"name": "qty", "type": "text"},
    {"name": "remark", "type": "text"},
    {"name": "active", "type": "boolean"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "ev", "columns": [{"name": "id", "type": "bigint", "identity": {"generation": "always"}},
                             {"name": "what", "type": "text"}]}]}'));
SELECT attidentity FROM pg_attribute WHERE attrelid = 'ev'::regclass AND attname = 'id';
SELECT h.show(viborm.push('{"tables": [
  {"name": "t", "columns": [
    {"name": "id", "type": "serial"},
    {"name": "full_name", "type": "text", "nullable": false},
    {"name": "age", "type": "integer", "default": "21"},
    {"name": "score", "type": "bigint"},
    {"name": "code", "type": "varchar(50)"},
    {"name": "qty", "type": "text"},
    {"name": "remark", "type": "text"},
    {"name": "active", "type": "boolean"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "ev", "columns": [{"name": "id", "type": "bigint", "nullable": false},
                             {"name": "what", "type": "text"}]}]}'));
SELECT attidentity = '' AS no_identity FROM pg_attribute WHERE attrelid = 'ev'::regclass AND attname = 'id';
SELECT * FROM ev ORDER BY id;

-- hand-written spellings converge: the same document, written as a person
-- would, is a no-op after the first push
SELECT h.show(viborm.push('{"tables": [
  {"name": "t", "columns": [
    {"name": "id", "type": "serial"},
    {"name": "full_name", "type": "text", "nullable": false},
    {"name": "age", "type": "integer", "default": "21"},
    {"name": "score", "type": "bigint"},
    {"name": "code", "type": "varchar(50)"},
    {"name": "qty", "type": "text"},
    {"name": "remark", "type": "text"},
    {"name": "active", "type": "boolean"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "ev", "columns": [{"name": "id", "type": "bigint", "nullable": false},
                             {"name": "what", "type": "text"}]},
  {"name": "spell", "columns": [
    {"name": "a", "type": "int4", "default": 7},
    {"name": "b", "type": "character varying(20)", "default": "''x''"},
    {"name": "c", "type": "timestamptz", "default": "NOW()"},
    {"name": "d", "type": "BOOL", "default": "''t''"},
    {"name": "e", "type": "boolean", "default": true},
    {"name": "f", "type": "numeric(8, 2)", "default": "(1.5)"},
    {"name": "g", "type": "int8[]", "default": "''{}''"},
    {"name": "h", "type": "timestamp(3)", "default": "CURRENT_TIMESTAMP"},
    {"name": "i", "type": "double precision", "default": "-1"}]}]}'));
SELECT * FROM h.show(viborm.push('{"tables": [
  {"name": "t", "columns": [
    {"name": "id", "type": "int", "autoIncrement": true},
    {"name": "full_name", "type": "TEXT", "nullable": false},
    {"name": "age", "type": "int4", "default": "(21)"},
    {"name": "score", "type": "int8"},
    {"name": "code", "type": "character varying(50)"},
    {"name": "qty", "type": "text"},
    {"name": "remark", "type": "text"},
    {"name": "active", "type": "bool"}],
   "primaryKey": {"columns": ["id"]}},
  {"name": "ev", "columns": [{"name": "id", "type": "bigint", "nullable": false},
                             {"name": "what", "type": "text"}]},
  {"name": "spell", "columns": [
    {"name": "a", "type": "integer", "default": "7"},
    {"name": "b", "type": "varchar(20)", "default": "''x''::character varying"},
    {"name": "c", "type": "timestamp with time zone", "default": "now()"},
    {"name": "d", "type": "boolean", "default": "true"},
    {"name": "e", "type": "boolean", "default": "TRUE"},
    {"name": "f", "type": "decimal(8,2)", "default": "1.5"},
    {"name": "g", "type": "bigint[]", "default": "''{}''::bigint[]"},
    {"name": "h", "type": "timestamp(3) without time zone", "default": "current_timestamp"},
    {"name": "i", "type": "float8", "default": "(-1)"}]}]}')) AS second_push;
SELECT * FROM h.show(viborm.diff(viborm.introspect())) AS introspected;
