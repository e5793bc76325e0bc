CREATE SCHEMA inventory;
CREATE TYPE inventory.condition AS ENUM ('new', 'used', 'broken');
CREATE TABLE inventory.items (id serial PRIMARY KEY, name text NOT NULL, condition inventory.condition NOT NULL DEFAULT 'new');
CREATE INDEX items_broken_idx ON inventory.items (name) WHERE condition = 'broken';
