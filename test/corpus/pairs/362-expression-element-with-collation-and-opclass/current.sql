CREATE TABLE t (id integer PRIMARY KEY, name text);
INSERT INTO t VALUES (1, 'Abc');
