CREATE TABLE lines (id integer PRIMARY KEY, qty integer NOT NULL, unit_price numeric(10,2) NOT NULL,
  total numeric GENERATED ALWAYS AS (qty * unit_price) STORED);
INSERT INTO lines (id, qty, unit_price) VALUES (1, 2, 1.50);
