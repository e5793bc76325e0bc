CREATE TYPE flag AS ENUM ('new', 'hot', 'sale');
CREATE TABLE products (id integer PRIMARY KEY);
INSERT INTO products VALUES (1), (2);
