CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL UNIQUE, region text);
CREATE INDEX accounts_email_region_idx ON accounts (email, region);
