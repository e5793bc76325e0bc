CREATE TABLE sensors (id integer PRIMARY KEY, temperature double precision, humidity double precision NOT NULL DEFAULT 0);
