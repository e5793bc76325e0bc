CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric, status text);
CREATE INDEX orders_customer_idx ON orders (customer_id) INCLUDE (total, status);
CREATE UNIQUE INDEX orders_id_cover_idx ON orders (id) INCLUDE (customer_id);
