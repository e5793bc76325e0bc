CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(20)); INSERT INTO t VALUES (1, 'far too long for it');
