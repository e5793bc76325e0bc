CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, amount numeric);
CREATE INDEX orders_customer_idx ON orders (customer_id) INCLUDE (amount);
