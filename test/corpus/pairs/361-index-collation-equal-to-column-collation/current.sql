CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE "C", b text);
CREATE INDEX t_a_idx ON t (a);
INSERT INTO t VALUES (1, 'x', 'y');
