CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE "default", b text COLLATE "C");
INSERT INTO t VALUES (1, 'x', 'y');
