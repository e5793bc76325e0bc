CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(80) NOT NULL, age BIGINT, KEY person_years (age), nick VARCHAR(10));
