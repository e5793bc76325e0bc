CREATE TABLE customers (id integer PRIMARY KEY, email varchar(100) NOT NULL, city varchar(40));
CREATE UNIQUE INDEX customers_email_idx ON customers (email);
CREATE INDEX customers_city_idx ON customers (city) WHERE city IS NOT NULL;
INSERT INTO customers VALUES (1, 'a@x.test', 'Lyon'), (2, 'b@x.test', NULL);
