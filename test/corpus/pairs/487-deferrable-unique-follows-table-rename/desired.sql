CREATE TABLE place (id integer PRIMARY KEY, pos integer, CONSTRAINT place_pos_key UNIQUE (pos) DEFERRABLE);
