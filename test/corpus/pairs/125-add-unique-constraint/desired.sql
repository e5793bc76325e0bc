CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL UNIQUE, handle text CONSTRAINT accounts_handle_unique UNIQUE);
