CREATE TABLE products (id integer PRIMARY KEY, price numeric(10,2) NOT NULL);
INSERT INTO products VALUES (1, 9.99), (2, 0);
