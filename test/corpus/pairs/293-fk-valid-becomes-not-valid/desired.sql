CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer);
ALTER TABLE books ADD FOREIGN KEY (author_id) REFERENCES authors ON DELETE CASCADE NOT VALID;
