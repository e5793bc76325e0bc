CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer REFERENCES authors ON DELETE CASCADE);
INSERT INTO authors VALUES (1);
INSERT INTO books VALUES (1, 1);
