CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, age INT);
INSERT INTO person VALUES (1, 'Ada', 36), (2, 'Alan', 41);
