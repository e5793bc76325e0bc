CREATE TABLE t (id INT PRIMARY KEY, amount INT, KEY t_a (amount), CONSTRAINT t_a_pos CHECK (amount > 0));
