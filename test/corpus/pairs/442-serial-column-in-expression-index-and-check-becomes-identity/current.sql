CREATE TABLE t (id serial PRIMARY KEY, v text);
CREATE INDEX t_id_mod_idx ON t ((id % 10));
ALTER TABLE t ADD CONSTRAINT t_id_positive CHECK (id > 0);
INSERT INTO t (v) VALUES ('a'), ('b');
