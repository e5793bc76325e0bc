CREATE TABLE t (id integer PRIMARY KEY, code varchar(20), n integer);
CREATE INDEX t_code_lower_idx ON t (lower(code));
CREATE INDEX t_n_desc_idx ON t (n DESC);
INSERT INTO t VALUES (1, 'AB', 3);
