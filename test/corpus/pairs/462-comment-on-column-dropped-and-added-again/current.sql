CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
COMMENT ON COLUMN t.a IS 'a';
INSERT INTO t VALUES (1, 'x', 'y');
