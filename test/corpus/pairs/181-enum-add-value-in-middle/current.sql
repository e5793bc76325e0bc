CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE diary (id serial PRIMARY KEY, day date NOT NULL, mood mood NOT NULL, moods mood[]);
INSERT INTO diary (day, mood, moods) VALUES ('2024-01-01', 'ok', '{ok,happy}'), ('2024-01-02', 'sad', NULL);
