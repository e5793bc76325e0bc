CREATE TABLE prices (product_id integer, region char(2), valid_from date, amount numeric(8,2) NOT NULL, PRIMARY KEY (product_id, region, valid_from));
INSERT INTO prices VALUES (1, 'eu', '2024-01-01', 10), (1, 'us', '2024-01-01', 11);
