CREATE TABLE orders (id integer PRIMARY KEY, status text NOT NULL, total numeric);
CREATE INDEX orders_open_idx ON orders (id) WHERE status = 'open';
