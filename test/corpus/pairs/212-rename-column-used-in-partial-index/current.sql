CREATE TABLE orders (id integer PRIMARY KEY, st text NOT NULL, total numeric);
CREATE INDEX orders_open_idx ON orders (id) WHERE st = 'open';
INSERT INTO orders VALUES (1, 'open', 1), (2, 'closed', 2);
