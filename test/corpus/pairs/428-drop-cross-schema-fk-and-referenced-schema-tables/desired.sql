CREATE SCHEMA ref;
CREATE SCHEMA shop;
CREATE TABLE shop.customers (id bigint PRIMARY KEY, country char(2), pays_in text);
