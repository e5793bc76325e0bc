CREATE TABLE emails (id integer PRIMARY KEY, address text, CONSTRAINT emails_one_null UNIQUE (address));
