CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2));
COMMENT ON TABLE products IS 'Old description';
COMMENT ON COLUMN products.id IS 'Stable product number';
COMMENT ON COLUMN products.name IS 'to be removed';
INSERT INTO products VALUES (1, 'pen', 1.20);
