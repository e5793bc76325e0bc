CREATE TABLE things (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO things VALUES (1, 'alpha'), (2, 'beta');
