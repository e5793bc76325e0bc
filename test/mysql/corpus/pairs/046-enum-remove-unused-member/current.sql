CREATE TABLE t (id INT NOT NULL PRIMARY KEY, s ENUM('a','b','c'));
INSERT INTO t VALUES (1, 'a'), (2, 'c');
