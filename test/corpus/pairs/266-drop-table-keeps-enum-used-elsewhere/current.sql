CREATE TYPE currency AS ENUM ('EUR', 'USD');
CREATE TABLE prices (id integer PRIMARY KEY, currency currency NOT NULL);
CREATE TABLE wallets (id integer PRIMARY KEY, currency currency NOT NULL DEFAULT 'EUR');
INSERT INTO prices VALUES (1, 'USD');
INSERT INTO wallets VALUES (1, 'EUR');
