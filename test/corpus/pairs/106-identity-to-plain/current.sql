CREATE TABLE devices (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
INSERT INTO devices (name) VALUES ('phone'), ('laptop');
