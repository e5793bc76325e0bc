CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL, updated_at timestamptz DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE books (id serial PRIMARY KEY, author_id integer REFERENCES authors, title text NOT NULL, updated_at timestamptz DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE reviews (id serial PRIMARY KEY, book_id integer REFERENCES books, stars smallint NOT NULL, updated_at timestamptz DEFAULT CURRENT_TIMESTAMP);
