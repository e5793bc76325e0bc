CREATE TABLE cust (id integer PRIMARY KEY, name text);
CREATE TABLE orders (id integer PRIMARY KEY, cust_id integer NOT NULL REFERENCES cust (id) ON DELETE CASCADE);
INSERT INTO cust VALUES (1, 'Acme');
INSERT INTO orders VALUES (10, 1), (11, 1);
