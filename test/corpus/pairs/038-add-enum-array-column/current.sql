CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
CREATE TABLE shops (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO shops (name) VALUES ('Bakery'), ('Florist');
