CREATE SCHEMA inventory;
CREATE TABLE inventory.items (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO inventory.items (name) VALUES ('bolt'), ('gear');
