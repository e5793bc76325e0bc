CREATE TABLE person (id INT PRIMARY KEY, fullname VARCHAR(50) NOT NULL, years INT, KEY person_years (years));
INSERT INTO person VALUES (1, 'Ada', 36), (2, 'Alan', 41);
