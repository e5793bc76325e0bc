CREATE SCHEMA types;
CREATE TYPE types.unit AS ENUM ('g', 'kg');
CREATE TABLE items (id integer PRIMARY KEY, unit types.unit NOT NULL DEFAULT 'g');
