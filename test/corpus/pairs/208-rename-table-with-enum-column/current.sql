CREATE TYPE pet_kind AS ENUM ('cat', 'dog');
CREATE TABLE pet (id serial PRIMARY KEY, kind pet_kind NOT NULL DEFAULT 'cat', name text);
INSERT INTO pet (kind, name) VALUES ('dog', 'Rex'), (DEFAULT, 'Tom');
