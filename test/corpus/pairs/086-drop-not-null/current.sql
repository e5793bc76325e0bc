CREATE TABLE contacts (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL, company text NOT NULL DEFAULT '');
INSERT INTO contacts (name, email) VALUES ('Ann', 'ann@x.test'), ('Bo', 'bo@x.test');
