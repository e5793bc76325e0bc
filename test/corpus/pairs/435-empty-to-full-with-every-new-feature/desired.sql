CREATE SCHEMA lib;
CREATE TYPE lib.genre AS ENUM ('fiction', 'science', 'history');
CREATE TABLE lib.authors (id integer GENERATED ALWAYS AS IDENTITY (START 100 INCREMENT 5 MAXVALUE 100000 CACHE 5) PRIMARY KEY,
  name text COLLATE "und-x-icu" NOT NULL CHECK (name <> ''), sort_name text COLLATE "C" GENERATED ALWAYS AS (upper(name)) STORED);
CREATE TABLE lib.books (isbn text PRIMARY KEY CONSTRAINT isbn_format CHECK (isbn ~ '^[0-9-]+$'),
  author_id integer REFERENCES lib.authors ON DELETE SET NULL, title text NOT NULL, genres lib.genre[] NOT NULL DEFAULT '{fiction}',
  main_genre lib.genre, pages integer, CONSTRAINT books_title_author_key UNIQUE NULLS NOT DISTINCT (title, author_id));
ALTER TABLE lib.books ADD CONSTRAINT books_pages_positive CHECK (pages > 0) NOT VALID;
CREATE TABLE loans (id bigserial PRIMARY KEY, isbn text NOT NULL, lent_at timestamptz NOT NULL DEFAULT now(), back_at timestamptz,
  CHECK (back_at IS NULL OR back_at >= lent_at));
ALTER TABLE loans ADD CONSTRAINT loans_isbn_fkey FOREIGN KEY (isbn) REFERENCES lib.books NOT VALID;
CREATE INDEX books_title_idx ON lib.books (lower(title) text_pattern_ops, pages DESC NULLS LAST) INCLUDE (isbn) WHERE pages IS NOT NULL;
CREATE INDEX books_genres_idx ON lib.books USING gin (genres);
CREATE INDEX books_science_idx ON lib.books (isbn) WHERE main_genre = 'science';
CREATE INDEX loans_open_idx ON loans USING brin (lent_at) WHERE back_at IS NULL;
CREATE INDEX authors_name_idx ON lib.authors USING spgist (name);
COMMENT ON TABLE lib.books IS 'the catalogue';
COMMENT ON COLUMN lib.books.isbn IS 'ISBN-13 with dashes';
COMMENT ON TABLE loans IS 'who has what';
