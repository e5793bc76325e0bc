CREATE TYPE flag AS ENUM ('new', 'hot');
CREATE TABLE products (id integer PRIMARY KEY, flags flag[] NOT NULL DEFAULT '{}', CHECK (cardinality(flags) < 5));
CREATE INDEX products_flags_idx ON products USING gin (flags);
INSERT INTO products VALUES (1, '{hot}');
