CREATE SCHEMA lib;
CREATE TYPE lib.genre AS ENUM ('fiction', 'science', 'history');
CREATE TABLE lib.authors (id integer GENERATED ALWAYS AS IDENTITY (START 100 INCREMENT 5) PRIMARY KEY,
  name text COLLATE "und-x-icu" NOT NULL CHECK (name <> ''), sort_name text COLLATE "C" GENERATED ALWAYS AS (upper(name)) STORED);
CREATE TABLE lib.books (isbn text PRIMARY KEY CHECK (isbn ~ '^[0-9-]+$'), author_id integer REFERENCES lib.authors,
  genres lib.genre[] NOT NULL DEFAULT '{fiction}', main_genre lib.genre, UNIQUE NULLS NOT DISTINCT (author_id, main_genre));
CREATE TABLE loans (id bigserial PRIMARY KEY, isbn text NOT NULL);
INSERT INTO loans (isbn) VALUES ('1-2'), ('9-9');
ALTER TABLE loans ADD CONSTRAINT loans_isbn_fkey FOREIGN KEY (isbn) REFERENCES lib.books NOT VALID;
CREATE INDEX books_science_idx ON lib.books (isbn) WHERE main_genre = 'science';
CREATE INDEX authors_sort_idx ON lib.authors (sort_name DESC) INCLUDE (name);
COMMENT ON TABLE lib.books IS 'the catalogue';
COMMENT ON COLUMN loans.isbn IS 'isbn';
INSERT INTO lib.authors (name) VALUES ('Ann');
INSERT INTO lib.books VALUES ('1-2', 100, '{science}', 'science');
