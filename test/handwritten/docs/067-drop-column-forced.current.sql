-- The document drops a column and a table on purpose: options.json has force.
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, legacy_password text);
CREATE TABLE tmp_import (line text);
INSERT INTO users (email, legacy_password) VALUES ('a@b.c', 'x');
