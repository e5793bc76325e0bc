CREATE TABLE t (id INT PRIMARY KEY, n INT, s VARCHAR(20), f INT, CONSTRAINT t_n_check CHECK (n > 0));
INSERT INTO t (id, n, s, f) VALUES (1, 5, 'ok', 1);
