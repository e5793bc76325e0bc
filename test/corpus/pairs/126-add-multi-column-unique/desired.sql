CREATE TABLE seats (id integer PRIMARY KEY, venue_id integer NOT NULL, row_label text NOT NULL, number smallint NOT NULL, UNIQUE (venue_id, row_label, number));
