CREATE TYPE mood AS ENUM ('happy', 'meh', 'sad');
CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL);
INSERT INTO people VALUES (1, 'happy'), (2, 'meh'), (3, 'sad');
