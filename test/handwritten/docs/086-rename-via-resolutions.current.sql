CREATE TABLE people (id int PRIMARY KEY, first_name text, family_name text);
INSERT INTO people VALUES (1, 'Ada', 'Lovelace');
