CREATE TYPE mood AS ENUM ('glad', 'sad');
CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL);
CREATE INDEX people_sad_idx ON people (id) WHERE mood = 'sad';
