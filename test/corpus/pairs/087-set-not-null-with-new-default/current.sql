CREATE TABLE orders (id integer PRIMARY KEY, currency char(3), priority smallint);
INSERT INTO orders VALUES (1, 'EUR', 1), (2, 'USD', 2);
