CREATE SCHEMA ref;
CREATE SCHEMA shop;
CREATE TYPE ref.currency AS ENUM ('EUR', 'USD', 'CHF');
CREATE TABLE ref.countries (code char(2) PRIMARY KEY, currency ref.currency NOT NULL);
CREATE TABLE shop.customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  country char(2) NOT NULL REFERENCES ref.countries ON UPDATE CASCADE,
  pays_in ref.currency NOT NULL DEFAULT 'EUR', accepted ref.currency[] NOT NULL DEFAULT '{EUR}');
CREATE INDEX customers_usd_idx ON shop.customers (id) WHERE pays_in = 'USD';
