CREATE TABLE rates (id integer PRIMARY KEY, rate numeric(8,2) NOT NULL);
