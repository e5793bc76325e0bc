CREATE TABLE t (id integer PRIMARY KEY, n integer);
INSERT INTO t VALUES (1, -5), (2, 5);
ALTER TABLE t ADD CONSTRAINT t_n_positive CHECK (n > 0) NOT VALID;
