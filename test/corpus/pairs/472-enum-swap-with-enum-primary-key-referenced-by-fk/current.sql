CREATE TYPE status AS ENUM ('draft', 'live', 'old');
CREATE TABLE states (status status PRIMARY KEY, label text);
CREATE TABLE pages (id integer PRIMARY KEY, status status NOT NULL REFERENCES states);
INSERT INTO states VALUES ('draft', 'D'), ('live', 'L');
INSERT INTO pages VALUES (1, 'live');
