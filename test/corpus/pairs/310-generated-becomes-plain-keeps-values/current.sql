CREATE TABLE lines (id integer PRIMARY KEY, qty integer NOT NULL, price integer NOT NULL,
  total integer GENERATED ALWAYS AS (qty * price) STORED);
INSERT INTO lines (id, qty, price) VALUES (1, 2, 5), (2, 3, 7);
