CREATE SCHEMA types;
CREATE TYPE types.unit AS ENUM ('mg', 'g', 'kg', 't');
CREATE TABLE ingredients (id integer PRIMARY KEY, unit types.unit NOT NULL DEFAULT 'kg', units types.unit[] DEFAULT '{g,kg}');
CREATE INDEX ingredients_heavy_idx ON ingredients (id) WHERE unit = 't';
