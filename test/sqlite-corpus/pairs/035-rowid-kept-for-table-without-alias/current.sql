CREATE TABLE t (k TEXT, v TEXT);
INSERT INTO t (rowid, k, v) VALUES (100, 'a', 'x'), (200, 'b', 'y');
