CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT);
INSERT INTO t VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, 'b');
