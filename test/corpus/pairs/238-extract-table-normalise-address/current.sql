CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, street text, city text, zip varchar(10));
INSERT INTO customers VALUES (1, 'Ann', '1 Main St', 'Springfield', '12345'), (2, 'Bo', NULL, NULL, NULL);
