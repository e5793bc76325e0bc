CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (id integer PRIMARY KEY, writer integer);
INSERT INTO books VALUES (1, 3);
ALTER TABLE books ADD CONSTRAINT books_writer_fk FOREIGN KEY (writer) REFERENCES authors NOT VALID;
