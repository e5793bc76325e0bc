CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, amt numeric);
CREATE INDEX orders_customer_idx ON orders (customer_id) INCLUDE (amt);
INSERT INTO orders VALUES (1, 1, 10);
