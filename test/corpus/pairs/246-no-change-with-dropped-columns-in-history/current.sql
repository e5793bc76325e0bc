CREATE TABLE accounts (id serial PRIMARY KEY, legacy text, name text NOT NULL, old_code integer UNIQUE);
ALTER TABLE accounts DROP COLUMN legacy;
ALTER TABLE accounts DROP COLUMN old_code;
ALTER TABLE accounts ADD COLUMN code varchar(10);
INSERT INTO accounts (name, code) VALUES ('a', 'A1'), ('b', NULL);
