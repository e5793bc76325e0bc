CREATE TABLE products (
    id integer PRIMARY KEY,
    title text NOT NULL,
    barcode varchar(13) UNIQUE,
    warehouse_code text
);
CREATE INDEX products_title_warehouse_idx ON products (title, warehouse_code);
CREATE INDEX products_warehouse_idx ON products (warehouse_code) WHERE warehouse_code IS NOT NULL;
INSERT INTO products VALUES (1, 'Lamp', '4006381333931', 'W1'), (2, 'Desk', NULL, NULL);
