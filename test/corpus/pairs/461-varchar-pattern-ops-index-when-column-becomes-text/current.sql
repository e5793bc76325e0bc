CREATE TABLE t (id integer PRIMARY KEY, name varchar(100));
CREATE INDEX t_name_idx ON t (name varchar_pattern_ops);
INSERT INTO t VALUES (1, 'x');
