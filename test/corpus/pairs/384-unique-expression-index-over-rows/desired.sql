CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL);
CREATE UNIQUE INDEX tags_name_ci_key ON tags (lower(name)) NULLS NOT DISTINCT;
