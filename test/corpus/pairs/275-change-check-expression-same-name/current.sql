CREATE TABLE items (id integer PRIMARY KEY, qty integer NOT NULL, CONSTRAINT qty_range CHECK (qty >= 0));
INSERT INTO items VALUES (1, 5), (2, 10);
