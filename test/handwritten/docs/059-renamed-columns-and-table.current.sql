CREATE TABLE clients (id serial PRIMARY KEY, name text NOT NULL, mail varchar(255) UNIQUE);
CREATE TABLE orders (id serial PRIMARY KEY, client_id int NOT NULL REFERENCES clients);
CREATE INDEX ON orders (client_id);
INSERT INTO clients (name, mail) VALUES ('Ann', 'ann@x.io'), ('Bo', NULL);
INSERT INTO orders (client_id) VALUES (1), (1), (2);
