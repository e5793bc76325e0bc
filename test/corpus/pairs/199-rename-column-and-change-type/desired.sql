CREATE TABLE products (id integer PRIMARY KEY, price_cents bigint NOT NULL, label varchar(20));
