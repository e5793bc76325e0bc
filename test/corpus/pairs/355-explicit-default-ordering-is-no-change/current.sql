CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
CREATE INDEX t_ab_idx ON t (a ASC NULLS LAST, b DESC NULLS FIRST);
INSERT INTO t VALUES (1, 1, 1);
