CREATE TABLE seats (id integer PRIMARY KEY, venue_id integer NOT NULL, row_label text NOT NULL, number smallint NOT NULL);
INSERT INTO seats VALUES (1, 1, 'A', 1), (2, 1, 'A', 2), (3, 2, 'A', 1);
