CREATE TABLE prices (product_id integer, region char(2), amount numeric(8,2) NOT NULL, PRIMARY KEY (product_id, region));
