CREATE TABLE customers (id integer PRIMARY KEY, name text);
CREATE TABLE orders (id integer PRIMARY KEY, cust_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE);
