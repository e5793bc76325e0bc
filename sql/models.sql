--
-- Model-form documents ({"models": {...}}): VibORM's serializer turns them
-- into tables; every operation names the model it came from.
--
\i test/regress/reset.sql
\i test/regress/show.sql
CREATE FUNCTION h.ops(r jsonb) RETURNS SETOF text LANGUAGE sql AS $$
  SELECT concat(op->>'kind', ' ', op->>'object', ' (model ', coalesce(op->>'model', '-'), ')')
  FROM jsonb_array_elements(r->'operations') op
$$;

-- drop-in for VibORM users: the blog as VibORM's own push created it
-- (its pg.sql) shows no difference from the blog model document
\set blog `cat test/regress/blog/model.json`
\i test/regress/blog/pg.sql
SELECT viborm.diff(:'blog') - 'unmanaged' AS diff;

-- on an empty database the blog is created, and a second push plans nothing
\i test/regress/reset.sql
\i test/regress/show.sql
CREATE FUNCTION h.ops(r jsonb) RETURNS SETOF text LANGUAGE sql AS $$
  SELECT concat(op->>'kind', ' ', op->>'object', ' (model ', coalesce(op->>'model', '-'), ')')
  FROM jsonb_array_elements(r->'operations') op
$$;
SELECT h.ops(viborm.push(:'blog'));
SELECT viborm.push(:'blog')->'applied' AS applied_again;

-- a schema of our own: users, posts, tags (many-to-many), profiles
-- (one-to-one), an enum, a compound unique, a partial index
\i test/regress/reset.sql
\i test/regress/show.sql
CREATE FUNCTION h.ops(r jsonb) RETURNS SETOF text LANGUAGE sql AS $$
  SELECT concat(op->>'kind', ' ', op->>'object', ' (model ', coalesce(op->>'model', '-'), ')')
  FROM jsonb_array_elements(r->'operations') op
$$;
\set app1 '{"models": {"user": {"tableName": "users", "fields": [{"key": "id", "type": "int", "isId": true, "autoGenerate": "increment"}, {"key": "email", "type": "string", "isUnique": true}, {"key": "name", "type": "string"}, {"key": "status", "type": "enum", "enumName": "user_status", "enumValues": ["active", "banned", "ghost"], "default": "active"}], "relations": [{"key": "posts", "type": "oneToMany", "target": "post"}, {"key": "profile", "type": "oneToOne", "target": "profile"}]}, "profile": {"fields": [{"key": "id", "type": "int", "isId": true, "autoGenerate": "increment"}, {"key": "userId", "type": "int", "isUnique": true}, {"key": "bio", "type": "string", "nullable": true}], "relations": [{"key": "user", "type": "oneToOne", "target": "user", "fields": ["userId"], "references": ["id"], "onDelete": "cascade"}]}, "post": {"fields": [{"key": "id", "type": "string", "isId": true, "autoGenerate": "uuid"}, {"key": "authorId", "type": "int"}, {"key": "slug", "type": "string"}, {"key": "body", "type": "string"}, {"key": "deletedAt", "type": "datetime", "nullable": true}], "relations": [{"key": "author", "type": "manyToOne", "target": "user", "fields": ["authorId"], "references": ["id"]}, {"key": "tags", "type": "manyToMany", "target": "tag"}], "compoundUniques": [{"name": "authorId_slug", "fields": ["authorId", "slug"]}], "indexes": [{"fields": ["slug"], "options": {"name": "post_live_slug", "where": "\\"deletedAt\\" IS NULL"}}]}, "tag": {"fields": [{"key": "id", "type": "int", "isId": true, "autoGenerate": "increment"}, {"key": "label", "type": "string", "isUnique": true}], "relations": [{"key": "posts", "type": "manyToMany", "target": "post"}]}}}'
SELECT h.show(viborm.push(:'app1'));
SELECT h.ops(viborm.diff(:'app1')) AS again;
INSERT INTO users (email, name, status) VALUES ('a@x', 'Ann', 'active'), ('b@x', 'Bob', 'ghost');
INSERT INTO post (id, "authorId", slug, body) VALUES ('11111111-1111-1111-1111-111111111111', 1, 'hello', 'hi');
INSERT INTO tag (label) VALUES ('news');
INSERT INTO post_tag VALUES ('11111111-1111-1111-1111-111111111111', 1);

-- changes: a field renamed with renamedFrom (the column is renamed, not
-- dropped and added), a relation added (post.editor), the enum value
-- "ghost" dropped with a mapping to "banned"
\set app2 '{"models": {"user": {"tableName": "users", "fields": [{"key": "id", "type": "int", "isId": true, "autoGenerate": "increment"}, {"key": "email", "type": "string", "isUnique": true}, {"key": "displayName", "type": "string", "columnName": "display_name", "renamedFrom": "name"}, {"key": "status", "type": "enum", "enumName": "user_status", "enumValues": ["active", "banned"], "default": "active"}], "relations": [{"key": "posts", "type": "oneToMany", "target": "post"}, {"key": "profile", "type": "oneToOne", "target": "profile"}]}, "profile": {"fields": [{"key": "id", "type": "int", "isId": true, "autoGenerate": "increment"}, {"key": "userId", "type": "int", "isUnique": true}, {"key": "bio", "type": "string", "nullable": true}], "relations": [{"key": "user", "type": "oneToOne", "target": "user", "fields": ["userId"], "references": ["id"], "onDelete": "cascade"}]}, "post": {"fields": [{"key": "id", "type": "string", "isId": true, "autoGenerate": "uuid"}, {"key": "authorId", "type": "int"}, {"key": "editorId", "type": "int", "nullable": true}, {"key": "slug", "type": "string"}, {"key": "body", "type": "string"}, {"key": "deletedAt", "type": "datetime", "nullable": true}], "relations": [{"key": "author", "type": "manyToOne", "target": "user", "fields": ["authorId"], "references": ["id"]}, {"key": "editor", "type": "manyToOne", "target": "user", "fields": ["editorId"], "references": ["id"]}, {"key": "tags", "type": "manyToMany", "target": "tag"}], "compoundUniques": [{"name": "authorId_slug", "fields": ["authorId", "slug"]}], "indexes": [{"fields": ["slug"], "options": {"name": "post_live_slug", "where": "\\"deletedAt\\" IS NULL"}}]}, "tag": {"fields": [{"key": "id", "type": "int", "isId": true, "autoGenerate": "increment"}, {"key": "label", "type": "string", "isUnique": true}], "relations": [{"key": "posts", "type": "manyToMany", "target": "post"}]}}}'
-- without the mapping, the guard names the value and its rows
SELECT viborm.push(:'app2');
SELECT h.show(viborm.push(:'app2', '{"enumValueMappings": [{"enum": "user_status", "map": {"ghost": "banned"}}]}'));
SELECT id, email, display_name, status FROM users ORDER BY id;
SELECT h.ops(viborm.diff(:'app2')) AS again;

-- errors name the model and the field
SELECT viborm.push('{"models": {"user": {"fields": [{"key": "id", "type": "integer"}]}}}');
SELECT viborm.push('{"models": {"post": {"fields": [{"key": "id", "type": "int", "isId": true}],
  "relations": [{"key": "author", "type": "manyToOne", "target": "writer", "fields": ["id"], "references": ["id"]}]}}}');
SELECT viborm.push('{"models": {"post": {"fields": [{"key": "id", "type": "int"}],
  "relations": [{"key": "tags", "type": "manyToMany", "target": "tag"}]},
  "tag": {"fields": [{"key": "id", "type": "int", "isId": true}], "relations": [{"key": "posts", "type": "manyToMany", "target": "post"}]}}}');
SELECT viborm.push('{"models": {"post": {"fields": [{"key": "id", "type": "int", "isId": true, "columnName": "a_column_name_that_is_much_longer_than_sixty_three_bytes_in_total"}]}}}');
SELECT viborm.push('{"models": {"a": {"fields": [{"key": "id", "type": "int", "isId": true}, {"key": "s", "type": "enum", "enumName": "st", "enumValues": ["x"]}]},
  "b": {"fields": [{"key": "id", "type": "int", "isId": true}, {"key": "s", "type": "enum", "enumName": "st", "enumValues": ["y"]}]}}}');
