CREATE TABLE items (id integer PRIMARY KEY, qty integer NOT NULL, CONSTRAINT qty_range CHECK (qty > 0 AND qty <= 100));
