-- Column order is not part of the schema: nothing to do.
CREATE TABLE books (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author text,
    year smallint,
    isbn character varying(13) UNIQUE,
    title text NOT NULL
);
CREATE INDEX ON books (author, year);
INSERT INTO books (author, year, isbn, title) VALUES ('Le Guin', 1969, '9780441478125', 'The Left Hand of Darkness');
