CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL DEFAULT 'sad');
INSERT INTO people VALUES (1, 'happy'), (2, 'sad');
