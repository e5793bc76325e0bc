CREATE TABLE t (id integer PRIMARY KEY, a text, b text, c text);
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_b_idx ON t (b COLLATE "C");
CREATE INDEX t_c_idx ON t (c COLLATE "POSIX");
INSERT INTO t VALUES (1, 'x', 'y', 'z');
