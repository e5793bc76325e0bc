CREATE TABLE users (id integer PRIMARY KEY, username text NOT NULL, fax text, age integer);
INSERT INTO users VALUES (1, 'ada', '555', 36), (2, 'bob', NULL, 40);
