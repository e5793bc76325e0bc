CREATE TYPE size AS ENUM ('s', 'm', 'l', 'xl');
CREATE TABLE shirts (id integer PRIMARY KEY, size size NOT NULL);
INSERT INTO shirts VALUES (1, 's'), (2, 'm'), (3, 'l'), (4, 'xl');
