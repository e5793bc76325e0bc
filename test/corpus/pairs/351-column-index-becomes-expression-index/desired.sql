CREATE TABLE t (id integer PRIMARY KEY, code text);
CREATE INDEX t_code_idx ON t ((code || '-suffix'));
