CREATE TABLE t (id integer PRIMARY KEY, name text, b box);
CREATE INDEX t_name_idx ON t USING btree (name);
CREATE INDEX t_b_idx ON t USING spgist (b);
