CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL, CONSTRAINT not_sad_for_root CHECK (id <> 0 OR mood <> 'sad'));
CREATE INDEX people_sad_idx ON people (id) WHERE mood = 'sad';
INSERT INTO people VALUES (1, 'sad');
