CREATE TABLE t (id integer PRIMARY KEY, b text, c text);
COMMENT ON COLUMN t.c IS 'c';
