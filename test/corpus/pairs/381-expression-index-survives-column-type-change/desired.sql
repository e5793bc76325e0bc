CREATE TABLE t (id integer PRIMARY KEY, code text, n bigint);
CREATE INDEX t_code_lower_idx ON t (lower(code));
CREATE INDEX t_n_desc_idx ON t (n DESC);
