CREATE TYPE colour AS ENUM ('red', 'green');
CREATE TABLE cars (id integer PRIMARY KEY, colour colour NOT NULL DEFAULT 'red', others colour[]);
INSERT INTO cars VALUES (1, 'green', '{red}'), (2, DEFAULT, NULL);
