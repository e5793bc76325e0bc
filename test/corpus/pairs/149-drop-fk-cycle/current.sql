CREATE TABLE authors (id integer PRIMARY KEY, name text, featured_book_id integer);
CREATE TABLE books (id integer PRIMARY KEY, title text, author_id integer REFERENCES authors (id));
ALTER TABLE authors ADD FOREIGN KEY (featured_book_id) REFERENCES books (id) DEFERRABLE INITIALLY DEFERRED;
BEGIN;
INSERT INTO authors VALUES (1, 'Herbert', 100);
INSERT INTO books VALUES (100, 'Dune', 1);
COMMIT;
