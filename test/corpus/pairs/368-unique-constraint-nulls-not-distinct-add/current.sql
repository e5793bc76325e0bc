CREATE TABLE emails (id integer PRIMARY KEY, address text, UNIQUE (address));
INSERT INTO emails VALUES (1, 'a'), (2, NULL);
