CREATE TABLE lines (id integer PRIMARY KEY, qty integer NOT NULL, price integer NOT NULL, total integer);
INSERT INTO lines VALUES (1, 2, 5, NULL), (2, 3, 7, 999);
