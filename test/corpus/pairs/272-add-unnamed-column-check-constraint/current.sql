CREATE TABLE people (id integer PRIMARY KEY, age integer);
INSERT INTO people VALUES (1, 30), (2, NULL);
