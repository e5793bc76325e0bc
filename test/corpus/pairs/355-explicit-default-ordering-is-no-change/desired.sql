CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
CREATE INDEX t_ab_idx ON t (a, b DESC);
