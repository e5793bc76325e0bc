CREATE TYPE dir AS ENUM ('west', 'south', 'east', 'north');
CREATE TABLE routes (id integer PRIMARY KEY, start dir NOT NULL DEFAULT 'north', legs dir[] NOT NULL DEFAULT '{north,south}');
