CREATE TABLE authors (id integer PRIMARY KEY, name text, featured_book_id integer);
CREATE TABLE books (id integer PRIMARY KEY, title text, author_id integer);
INSERT INTO authors VALUES (1, 'Herbert', 100), (2, 'Asimov', NULL);
INSERT INTO books VALUES (100, 'Dune', 1), (101, 'Foundation', 2);
