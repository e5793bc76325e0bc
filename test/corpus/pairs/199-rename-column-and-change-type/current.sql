CREATE TABLE products (id integer PRIMARY KEY, cost integer NOT NULL, label varchar(20));
INSERT INTO products VALUES (1, 250, 'pen'), (2, 1999, 'book');
