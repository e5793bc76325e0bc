CREATE TABLE orders (id integer PRIMARY KEY, currency char(3) NOT NULL);
INSERT INTO orders VALUES (1, 'EUR'), (2, 'USD');
