CREATE TABLE events (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO events (name) VALUES ('a'), ('b');
