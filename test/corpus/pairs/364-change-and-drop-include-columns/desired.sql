CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric, status text);
CREATE INDEX orders_customer_idx ON orders (customer_id) INCLUDE (status, total);
CREATE INDEX orders_status_idx ON orders (status);
