CREATE SCHEMA lib;
CREATE TYPE lib.genre AS ENUM ('fiction', 'science', 'history');
CREATE TABLE lib.authors (id integer GENERATED ALWAYS AS IDENTITY (START 100 INCREMENT 5 MINVALUE 100 MAXVALUE 100000 CACHE 5 CYCLE) PRIMARY KEY,
  name text COLLATE "und-x-icu" NOT NULL CHECK (name <> ''), sort_name text COLLATE "C" GENERATED ALWAYS AS (upper(name)) STORED,
  shelf varchar(10) COLLATE "POSIX");
CREATE TABLE lib.books (isbn text PRIMARY KEY CHECK (isbn ~ '^[0-9-]+$'), author_id integer REFERENCES lib.authors,
  title text NOT NULL, genres lib.genre[] NOT NULL DEFAULT '{fiction}', main_genre lib.genre DEFAULT 'history',
  pages integer, is_science boolean GENERATED ALWAYS AS (main_genre = 'science') STORED,
  UNIQUE NULLS NOT DISTINCT (author_id, main_genre));
ALTER TABLE lib.books ADD CONSTRAINT books_pages_positive CHECK (pages > 0) NOT VALID;
ALTER TABLE lib.books ADD CONSTRAINT books_history_needs_pages CHECK (main_genre <> 'history' OR pages IS NOT NULL) NOT VALID;
CREATE TABLE loans (id bigserial PRIMARY KEY, isbn text NOT NULL);
ALTER TABLE loans ADD CONSTRAINT loans_isbn_fkey FOREIGN KEY (isbn) REFERENCES lib.books NOT VALID;
CREATE INDEX books_science_idx ON lib.books (isbn) WHERE main_genre = 'science';
CREATE INDEX books_title_idx ON lib.books (lower(title) COLLATE "C" text_pattern_ops DESC NULLS LAST, (pages * 2)) INCLUDE (isbn) WHERE pages IS NOT NULL;
CREATE INDEX books_genres_idx ON lib.books USING gin (genres);
CREATE UNIQUE INDEX books_title_nnd ON lib.books (title, pages) NULLS NOT DISTINCT;
CREATE INDEX authors_sort_idx ON lib.authors (sort_name DESC) INCLUDE (name);
CREATE INDEX authors_name_idx ON lib.authors USING spgist (name);
CREATE INDEX authors_shelf_idx ON lib.authors USING hash (shelf);
COMMENT ON TABLE lib.books IS 'the catalogue';
COMMENT ON COLUMN loans.isbn IS 'isbn';
