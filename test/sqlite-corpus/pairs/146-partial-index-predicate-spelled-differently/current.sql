CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, n INTEGER);
CREATE INDEX t_i ON t (a) WHERE n notnull and a != 'x';
INSERT INTO t VALUES (1, 'y', 1);
