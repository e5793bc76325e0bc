CREATE TABLE authors (id integer PRIMARY KEY, name text, featured_book_id integer);
CREATE TABLE books (id integer PRIMARY KEY, title text, author_id integer);
