--
-- Table-level objects: checks, comments, generated columns, collations,
-- identity options, index elements, NULLS NOT DISTINCT, NOT VALID, and
-- references across managed schemas. Each change is planned exactly, and
-- the next push plans nothing.
--
\i test/regress/reset.sql
\i test/regress/show.sql
CREATE FUNCTION h.again(doc jsonb, opts jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql AS $$
  SELECT viborm.diff(doc, opts)->'operations'
$$;
CREATE SCHEMA app;
\set doc1 '{"schemas": ["public", "app"], "enums": [{"name": "kind", "schema": "app", "values": ["a", "b"]}], "tables": [{"name": "org", "schema": "app", "columns": [{"name": "id", "type": "int4"}], "primaryKey": {"columns": ["id"]}}, {"name": "item", "comment": "Items for sale", "columns": [{"name": "id", "type": "int8", "identity": {"generation": "byDefault", "start": 1000, "increment": 10}}, {"name": "org", "type": "integer"}, {"name": "kind", "type": "app.kind", "default": "''a''"}, {"name": "name", "type": "varchar(40)", "collation": "C", "comment": "shown to users"}, {"name": "price", "type": "numeric(10,2)"}, {"name": "qty", "type": "int"}, {"name": "total", "type": "numeric", "generated": "price * qty"}, {"name": "tags", "type": "text[]"}], "primaryKey": {"columns": ["id"]}, "uniqueConstraints": [{"columns": ["org", "name"], "nullsNotDistinct": true}], "checks": [{"expression": "price >= 0"}, {"expression": "QTY BETWEEN 0 AND 1000"}, {"name": "kind_b_has_price", "expression": "kind <> ''b'' OR price IS NOT NULL"}], "indexes": [{"columns": [{"expression": "LOWER(name)"}, {"column": "price", "order": "desc", "nulls": "last"}], "include": ["qty"]}, {"columns": [{"column": "name", "opclass": "text_pattern_ops"}], "where": "kind IN (''a'', ''b'')"}, {"columns": ["tags"], "type": "gin"}, {"columns": [{"column": "name", "collation": "POSIX"}]}], "foreignKeys": [{"columns": ["org"], "referencedSchema": "app", "referencedTable": "org", "referencedColumns": ["id"], "onDelete": "cascade"}]}]}'
SELECT h.show(viborm.push(:'doc1'));
SELECT h.again(:'doc1') AS again;
SELECT viborm.diff(viborm.introspect(ARRAY['public', 'app']))->'operations' AS self;
INSERT INTO app.org VALUES (1);
INSERT INTO item (org, kind, name, price, qty) VALUES (1, 'a', 'x', 2, 3), (1, 'b', 'y', 1.5, 2);
SELECT id, total FROM item ORDER BY id;
-- what introspect says of the table
SELECT jsonb_pretty(t - 'columns' - 'indexes') AS item
FROM jsonb_array_elements(viborm.introspect(ARRAY['public', 'app'])->'tables') t WHERE t->>'name' = 'item';
SELECT jsonb_pretty(t->'indexes') AS indexes
FROM jsonb_array_elements(viborm.introspect(ARRAY['public', 'app'])->'tables') t WHERE t->>'name' = 'item';
SELECT c - 'name' AS col FROM jsonb_array_elements(viborm.introspect(ARRAY['public', 'app'])->'tables') t,
  jsonb_array_elements(t->'columns') c WHERE t->>'name' = 'item' AND c->>'name' IN ('id', 'name', 'total');

-- changes: a check renamed (same definition: renamed, not re-created), a
-- check dropped, the generation expression changed, the collation and the
-- comment changed, identity options changed, an index element flipped to
-- ascending, the unique constraint back to NULLS DISTINCT, the FK made
-- NOT VALID (dropped and added NOT VALID)
\set doc2 '{"schemas": ["public", "app"], "enums": [{"name": "kind", "schema": "app", "values": ["a", "b"]}], "tables": [{"name": "org", "schema": "app", "columns": [{"name": "id", "type": "int4"}], "primaryKey": {"columns": ["id"]}}, {"name": "item", "columns": [{"name": "id", "type": "int8", "identity": {"generation": "always", "start": 1000, "increment": 5, "cache": 20}}, {"name": "org", "type": "integer"}, {"name": "kind", "type": "app.kind", "default": "''a''"}, {"name": "name", "type": "varchar(40)", "comment": "the name"}, {"name": "price", "type": "numeric(10,2)"}, {"name": "qty", "type": "int"}, {"name": "total", "type": "numeric", "generated": "price * qty + 1"}, {"name": "tags", "type": "text[]"}], "primaryKey": {"columns": ["id"]}, "uniqueConstraints": [{"columns": ["org", "name"]}], "checks": [{"name": "price_not_negative", "expression": "price >= 0"}, {"name": "kind_b_has_price", "expression": "kind <> ''b'' OR price IS NOT NULL"}], "indexes": [{"columns": [{"expression": "LOWER(name)"}, {"column": "price"}], "include": ["qty"]}, {"columns": [{"column": "name", "opclass": "text_pattern_ops"}], "where": "kind IN (''a'', ''b'')"}, {"columns": ["tags"], "type": "gin"}], "foreignKeys": [{"columns": ["org"], "referencedSchema": "app", "referencedTable": "org", "referencedColumns": ["id"], "onDelete": "cascade", "notValid": true}]}]}'
SELECT h.show(viborm.push(:'doc2'));
SELECT h.again(:'doc2') AS again;
SELECT id, total FROM item ORDER BY id;
INSERT INTO item (org, name, price, qty) VALUES (1, 'z', 1, 1) RETURNING id;

-- identity -> serial-style -> plain -> identity: values continue after
-- the maximum each time
\set doc3 '{"tables": [{"name": "s", "schema": "seqs", "columns": [{"name": "id", "type": "int", "identity": {"generation": "byDefault"}}, {"name": "v", "type": "text"}], "primaryKey": {"columns": ["id"]}}]}'
SELECT h.show(viborm.push(:'doc3', '{"schemas": ["seqs"], "force": true}'));
INSERT INTO seqs.s (v) VALUES ('a'), ('b');
INSERT INTO seqs.s VALUES (50, 'c');
SELECT h.show(viborm.push(replace(:'doc3', '"identity": {"generation": "byDefault"}', '"autoIncrement": true')::jsonb,
                          '{"schemas": ["seqs"], "force": true}'));
INSERT INTO seqs.s (v) VALUES ('d') RETURNING id;
SELECT h.show(viborm.push(replace(:'doc3', '"identity": {"generation": "byDefault"}', '"nullable": false')::jsonb,
                          '{"schemas": ["seqs"], "force": true}'));
INSERT INTO seqs.s VALUES (60, 'e');
SELECT h.show(viborm.push(replace(:'doc3', '"byDefault"', '"always", "cache": 3')::jsonb,
                          '{"schemas": ["seqs"], "force": true}'));
INSERT INTO seqs.s (v) VALUES ('f') RETURNING id;
SELECT h.again(replace(:'doc3', '"byDefault"', '"always", "cache": 3')::jsonb, '{"schemas": ["seqs"]}') AS again;
-- options equal to the defaults are the defaults: nothing to do
SELECT h.again(replace(:'doc3', '"byDefault"', '"always", "cache": 3, "start": 1, "increment": 1, "min": 1, "max": 2147483647, "cycle": false')::jsonb,
               '{"schemas": ["seqs"]}') AS again;

-- comments and checks removed; a table comment with a quote
SELECT h.show(viborm.push(replace(replace(:'doc2', '"comment": "the name"', '"nullable": true'),
  '"checks": [{"name": "price_not_negative", "expression": "price >= 0"}, ', '"comment": "it''s", "checks": [')::jsonb));
SELECT obj_description('item'::regclass, 'pg_class') AS comment;
