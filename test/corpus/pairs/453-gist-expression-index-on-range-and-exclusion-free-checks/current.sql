CREATE TABLE rooms (id integer PRIMARY KEY, lo integer NOT NULL, hi integer NOT NULL);
INSERT INTO rooms VALUES (1, 1, 5);
