CREATE TABLE people (id integer PRIMARY KEY, fname text NOT NULL, lname text);
INSERT INTO people VALUES (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing');
