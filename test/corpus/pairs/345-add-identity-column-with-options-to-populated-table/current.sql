CREATE TABLE t (name text PRIMARY KEY);
INSERT INTO t VALUES ('a'), ('b'), ('c');
