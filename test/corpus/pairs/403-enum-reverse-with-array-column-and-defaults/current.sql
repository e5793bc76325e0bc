CREATE TYPE dir AS ENUM ('north', 'east', 'south', 'west');
CREATE TABLE routes (id integer PRIMARY KEY, start dir NOT NULL DEFAULT 'north', legs dir[] NOT NULL DEFAULT '{north,south}');
INSERT INTO routes VALUES (1, 'east', '{east,west}'), (2, DEFAULT, DEFAULT);
