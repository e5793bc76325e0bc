CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE INDEX ON t (lower(a));
INSERT INTO t VALUES (1, 'x', 'y');
