CREATE TABLE words (id integer PRIMARY KEY, w text NOT NULL);
INSERT INTO words VALUES (1, 'b'), (2, 'B');
