CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10), e ENUM('x','y')) COLLATE=utf8mb4_general_ci; INSERT INTO t VALUES (1, 'x', 'y');
