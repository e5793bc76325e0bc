CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer);
ALTER TABLE books ADD FOREIGN KEY (author_id) REFERENCES authors NOT VALID;
INSERT INTO authors VALUES (1);
INSERT INTO books VALUES (1, 1), (2, NULL);
