CREATE TABLE items (id integer PRIMARY KEY, qty integer NOT NULL, CONSTRAINT qty_check_old CHECK (qty >= 0));
INSERT INTO items VALUES (1, 5);
