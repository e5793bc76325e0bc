CREATE TABLE t (id integer PRIMARY KEY, name text, b box);
CREATE INDEX t_name_idx ON t USING spgist (name);
CREATE INDEX t_b_idx ON t USING gist (b);
INSERT INTO t VALUES (1, 'a', '((0,0),(1,1))');
