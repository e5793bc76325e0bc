CREATE TABLE tmp (id integer PRIMARY KEY, a integer NOT NULL, sq integer GENERATED ALWAYS AS (a * a) STORED);
INSERT INTO tmp (id, a) VALUES (1, 7);
