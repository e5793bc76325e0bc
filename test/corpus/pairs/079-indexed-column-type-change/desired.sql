CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL, city varchar(120));
CREATE UNIQUE INDEX customers_email_idx ON customers (email);
CREATE INDEX customers_city_idx ON customers (city) WHERE city IS NOT NULL;
