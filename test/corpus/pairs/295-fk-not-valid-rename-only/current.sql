CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer);
INSERT INTO books VALUES (1, 7);
ALTER TABLE books ADD CONSTRAINT fk_old FOREIGN KEY (author_id) REFERENCES authors NOT VALID;
