CREATE TABLE authors (id integer PRIMARY KEY, name text, featured_book_id integer);
CREATE TABLE books (id integer PRIMARY KEY, title text, author_id integer REFERENCES authors (id) ON DELETE CASCADE);
ALTER TABLE authors ADD FOREIGN KEY (featured_book_id) REFERENCES books (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
