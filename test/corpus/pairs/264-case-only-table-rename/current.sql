CREATE TABLE customers (id integer PRIMARY KEY, name text);
INSERT INTO customers VALUES (1, 'Acme');
