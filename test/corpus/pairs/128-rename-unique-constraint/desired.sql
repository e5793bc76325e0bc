CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL CONSTRAINT accounts_email_unique UNIQUE, slug text CONSTRAINT accounts_slug_key UNIQUE);
