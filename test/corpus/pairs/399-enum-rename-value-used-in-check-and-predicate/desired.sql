CREATE TYPE mood AS ENUM ('happy', 'blue');
CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL, CONSTRAINT not_sad_for_root CHECK (id <> 0 OR mood <> 'blue'));
CREATE INDEX people_sad_idx ON people (id) WHERE mood = 'blue';
