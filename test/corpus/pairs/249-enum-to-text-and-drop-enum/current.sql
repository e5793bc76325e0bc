CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE TABLE shirts (id integer PRIMARY KEY, size size NOT NULL DEFAULT 'm', sizes size[]);
INSERT INTO shirts VALUES (1, 'l', '{s,l}'), (2, DEFAULT, NULL);
