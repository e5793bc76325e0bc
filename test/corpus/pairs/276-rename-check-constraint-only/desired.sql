CREATE TABLE items (id integer PRIMARY KEY, qty integer NOT NULL, CONSTRAINT qty_not_negative CHECK (qty >= 0));
