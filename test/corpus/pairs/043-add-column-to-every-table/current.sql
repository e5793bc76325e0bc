CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (id serial PRIMARY KEY, author_id integer REFERENCES authors, title text NOT NULL);
CREATE TABLE reviews (id serial PRIMARY KEY, book_id integer REFERENCES books, stars smallint NOT NULL);
INSERT INTO authors (name) VALUES ('Le Guin');
INSERT INTO books (author_id, title) VALUES (1, 'The Dispossessed');
INSERT INTO reviews (book_id, stars) VALUES (1, 5);
