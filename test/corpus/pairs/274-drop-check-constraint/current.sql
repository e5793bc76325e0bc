CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL CONSTRAINT balance_positive CHECK (balance > 0), CHECK (id < 1000000));
INSERT INTO accounts VALUES (1, 100);
