CREATE TYPE flag AS ENUM ('new', 'hot');
CREATE TABLE products (id integer PRIMARY KEY, flags text[] DEFAULT '{new}');
