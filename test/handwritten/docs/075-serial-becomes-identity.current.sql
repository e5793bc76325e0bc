CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO widgets (name) VALUES ('a'), ('b'), ('c');
