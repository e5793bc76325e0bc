CREATE TABLE products (id integer PRIMARY KEY, sku text NOT NULL UNIQUE);
CREATE TABLE stock_moves (id integer PRIMARY KEY, product_ref text, CONSTRAINT stock_moves_product_fk FOREIGN KEY (product_ref) REFERENCES products (sku));
INSERT INTO products VALUES (1, '1'), (2, 'B-2');
INSERT INTO stock_moves VALUES (1, '1');
