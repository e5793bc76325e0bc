CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, handle text);
