CREATE TABLE addresses (id serial PRIMARY KEY, street text, city text NOT NULL, zip varchar(10));
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, address_id integer REFERENCES addresses (id) ON DELETE SET NULL);
