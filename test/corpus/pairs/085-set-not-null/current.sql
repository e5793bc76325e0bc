CREATE TABLE contacts (id serial PRIMARY KEY, name text, email text, phone text);
INSERT INTO contacts (name, email, phone) VALUES ('Ann', 'ann@x.test', NULL), ('Bo', 'bo@x.test', '555');
