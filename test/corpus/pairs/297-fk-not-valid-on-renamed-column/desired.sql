CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer);
ALTER TABLE books ADD CONSTRAINT books_writer_fk FOREIGN KEY (author_id) REFERENCES authors NOT VALID;
