CREATE TABLE lines (id integer PRIMARY KEY, qty integer NOT NULL, unit_price numeric(10,2) NOT NULL);
