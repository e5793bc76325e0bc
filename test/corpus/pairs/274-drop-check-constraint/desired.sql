CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL);
