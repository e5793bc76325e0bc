CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE diary (id serial PRIMARY KEY, day date NOT NULL, mood mood NOT NULL, moods mood[]);
INSERT INTO diary (day, mood) VALUES ('2024-01-01', 'happy'), ('2024-01-02', 'sad');
