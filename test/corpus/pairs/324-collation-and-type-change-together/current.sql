CREATE TABLE t (id integer PRIMARY KEY, code varchar(10), label char(8) COLLATE "C");
INSERT INTO t VALUES (1, 'ab', 'xy');
