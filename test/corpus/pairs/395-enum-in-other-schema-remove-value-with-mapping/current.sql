CREATE SCHEMA types;
CREATE TYPE types.color AS ENUM ('red', 'green', 'blue', 'mauve');
CREATE TABLE paints (id integer PRIMARY KEY, color types.color NOT NULL DEFAULT 'red');
INSERT INTO paints VALUES (1, 'mauve'), (2, 'blue');
