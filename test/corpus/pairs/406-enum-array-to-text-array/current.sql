CREATE TYPE flag AS ENUM ('new', 'hot');
CREATE TABLE products (id integer PRIMARY KEY, flags flag[] DEFAULT '{new}');
INSERT INTO products VALUES (1, '{hot,new}');
