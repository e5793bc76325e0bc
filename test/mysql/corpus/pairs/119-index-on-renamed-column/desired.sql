CREATE TABLE t (id INT PRIMARY KEY, bee VARCHAR(20), KEY t_b (bee), KEY t_b2 (bee(3)));
