CREATE TABLE t (a integer, b integer, c integer,
  CONSTRAINT t_a_key UNIQUE (a) INCLUDE (b),
  CONSTRAINT t_c_check EXCLUDE USING btree (c WITH =));
CREATE VIEW t_b_idx AS SELECT 1 AS x;
INSERT INTO t VALUES (1, 1, 1), (2, 2, 2);
