CREATE TABLE emails (id integer PRIMARY KEY, address text, UNIQUE NULLS NOT DISTINCT (address));
