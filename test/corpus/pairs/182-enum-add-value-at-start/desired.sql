CREATE TYPE mood AS ENUM ('awful', 'sad', 'ok', 'happy');
CREATE TABLE diary (id serial PRIMARY KEY, day date NOT NULL, mood mood NOT NULL, moods mood[]);
