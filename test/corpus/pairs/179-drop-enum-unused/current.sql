CREATE TYPE legacy_kind AS ENUM ('x', 'y');
CREATE TABLE users (id serial PRIMARY KEY, name text);
INSERT INTO users (name) VALUES ('a');
