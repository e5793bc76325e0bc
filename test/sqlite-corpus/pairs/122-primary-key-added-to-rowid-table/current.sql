CREATE TABLE t (code TEXT NOT NULL, v TEXT);
INSERT INTO t VALUES ('a', '1'), ('b', '2');
