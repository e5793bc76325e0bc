CREATE TABLE lines (id integer PRIMARY KEY, qty integer NOT NULL, unit_price numeric(10,2) NOT NULL);
INSERT INTO lines VALUES (1, 2, 1.50), (2, 3, 10);
