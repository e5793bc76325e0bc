CREATE TABLE accounts (id serial PRIMARY KEY, name text NOT NULL, code varchar(10));
