CREATE TABLE t (id bigint PRIMARY KEY, v text);
INSERT INTO t VALUES (1, 'a'), (500, 'b'), (20, 'c');
