CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL UNIQUE, slug text CONSTRAINT slug_uq UNIQUE);
INSERT INTO accounts VALUES (1, 'a@x.test', 'a');
