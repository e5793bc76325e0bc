CREATE TABLE t (id integer PRIMARY KEY, tags text[]);
INSERT INTO t VALUES (1, '{b,a}');
