CREATE TYPE status AS ENUM ('live', 'draft');
CREATE TABLE states (status status PRIMARY KEY, label text);
CREATE TABLE pages (id integer PRIMARY KEY, status status NOT NULL REFERENCES states);
