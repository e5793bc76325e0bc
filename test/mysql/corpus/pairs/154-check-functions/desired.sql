CREATE TABLE t (id INT PRIMARY KEY, n INT, s VARCHAR(20), f INT, CONSTRAINT t_fn CHECK (upper(s) <> 'X' AND abs(n) < 1000 AND coalesce(f, 0) >= 0));
