CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b VARCHAR(100), c VARCHAR(300), d TEXT, g GEOMETRY NOT NULL);
INSERT INTO t VALUES (1, 1, 'one', 'uno', 'first', POINT(1,1)), (2, 2, 'two', 'dos', 'second', POINT(2,2)), (3, NULL, NULL, NULL, NULL, POINT(3,3));
