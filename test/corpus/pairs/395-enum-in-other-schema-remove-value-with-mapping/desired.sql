CREATE SCHEMA types;
CREATE TYPE types.color AS ENUM ('red', 'green', 'blue');
CREATE TABLE paints (id integer PRIMARY KEY, color types.color NOT NULL DEFAULT 'red');
