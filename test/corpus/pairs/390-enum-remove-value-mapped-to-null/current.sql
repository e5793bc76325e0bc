CREATE TYPE mood AS ENUM ('happy', 'meh', 'sad');
CREATE TABLE people (id integer PRIMARY KEY, mood mood);
INSERT INTO people VALUES (1, 'happy'), (2, 'meh');
