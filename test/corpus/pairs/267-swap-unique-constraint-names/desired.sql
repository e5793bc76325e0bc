CREATE TABLE accounts (id integer PRIMARY KEY, email text, phone text, CONSTRAINT uq_two UNIQUE (email), CONSTRAINT uq_one UNIQUE (phone));
