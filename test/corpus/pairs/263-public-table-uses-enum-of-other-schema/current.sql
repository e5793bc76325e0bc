CREATE SCHEMA types;
CREATE TYPE types.unit AS ENUM ('g', 'kg');
CREATE TABLE ingredients (id integer PRIMARY KEY, unit types.unit NOT NULL DEFAULT 'g');
INSERT INTO ingredients VALUES (1, 'kg'), (2, DEFAULT);
