CREATE TABLE orders (id integer PRIMARY KEY, currency char(3) NOT NULL DEFAULT 'EUR', priority smallint NOT NULL DEFAULT 3);
