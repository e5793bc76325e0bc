CREATE TABLE products (id integer PRIMARY KEY, sku text NOT NULL UNIQUE);
CREATE TABLE stock_moves (id integer PRIMARY KEY, product_ref integer, CONSTRAINT stock_moves_product_fk FOREIGN KEY (product_ref) REFERENCES products (id));
