CREATE TABLE people (id integer PRIMARY KEY, age integer CHECK (age BETWEEN 0 AND 150));
