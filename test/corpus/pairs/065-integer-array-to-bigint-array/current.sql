CREATE TABLE routes (id integer PRIMARY KEY, stop_ids integer[] NOT NULL DEFAULT '{}');
INSERT INTO routes VALUES (1, '{10,20,30}'), (2, DEFAULT);
