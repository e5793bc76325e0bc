CREATE TABLE t (id integer PRIMARY KEY, n bigint);
ALTER TABLE t ADD CONSTRAINT t_n_positive CHECK (n > 0) NOT VALID;
