CREATE TYPE currency AS ENUM ('EUR', 'USD');
CREATE TABLE wallets (id integer PRIMARY KEY, currency currency NOT NULL DEFAULT 'EUR');
