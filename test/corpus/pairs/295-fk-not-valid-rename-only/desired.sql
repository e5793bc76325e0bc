CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer);
ALTER TABLE books ADD CONSTRAINT fk_new FOREIGN KEY (author_id) REFERENCES authors NOT VALID;
