CREATE TYPE unit AS ENUM ('g', 'kg');
CREATE TABLE items (id integer PRIMARY KEY, unit unit NOT NULL DEFAULT 'g');
INSERT INTO items VALUES (1, 'kg');
