CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, born date, email text UNIQUE);
INSERT INTO people VALUES (1, 'Ada', '1815-12-10', 'ada@x.test');
