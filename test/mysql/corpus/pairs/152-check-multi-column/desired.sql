CREATE TABLE t (id INT PRIMARY KEY, n INT, s VARCHAR(20), f INT, CONSTRAINT t_nf CHECK (n > f OR f IS NULL), CONSTRAINT t_s_len CHECK (char_length(s) < 15));
