CREATE TYPE flag AS ENUM ('new', 'hot', 'sale');
CREATE TABLE products (id integer PRIMARY KEY, flags flag[] NOT NULL DEFAULT '{new}');
CREATE INDEX products_flags_idx ON products USING gin (flags);
