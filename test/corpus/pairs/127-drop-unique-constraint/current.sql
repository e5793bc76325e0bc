CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL UNIQUE, handle text, UNIQUE (handle, email));
INSERT INTO accounts VALUES (1, 'a@x.test', 'a');
