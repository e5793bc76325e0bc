CREATE SCHEMA ref;
CREATE SCHEMA shop;
CREATE TYPE ref.currency AS ENUM ('EUR', 'USD');
CREATE TABLE ref.countries (code char(2) PRIMARY KEY, currency ref.currency NOT NULL);
CREATE TABLE shop.customers (id bigint PRIMARY KEY, country char(2) REFERENCES ref.countries, pays_in text);
INSERT INTO ref.countries VALUES ('DE', 'EUR');
INSERT INTO shop.customers VALUES (1, 'DE', 'EUR');
