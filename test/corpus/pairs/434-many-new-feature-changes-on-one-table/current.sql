CREATE TABLE orders (id serial PRIMARY KEY, code varchar(20) NOT NULL, qty integer NOT NULL, price numeric(10,2) NOT NULL,
  note text, customer text);
CREATE INDEX orders_code_idx ON orders (code);
INSERT INTO orders (code, qty, price, note, customer) VALUES ('A-1', 2, 5.00, 'x', 'Ann'), ('b-2', 1, 3.50, NULL, 'bob');
