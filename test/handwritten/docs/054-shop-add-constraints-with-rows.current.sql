-- Rows first, constraints later: every row satisfies what the document adds.
CREATE TABLE customers (id integer NOT NULL, email text, country character(2));
CREATE TABLE orders (id integer, customer_id integer, total numeric(10,2), status text);
INSERT INTO customers VALUES (1, 'a@x.io', 'FR'), (2, 'b@y.io', NULL), (3, 'c@z.io', 'DE');
INSERT INTO orders VALUES (10, 1, 9.99, 'paid'), (11, 1, 0, 'void'), (12, 3, 120, 'new');
