CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), other VARCHAR(5) COLLATE utf8mb4_bin) COLLATE=utf8mb4_unicode_520_ci;
