CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, handle text);
INSERT INTO accounts VALUES (1, 'a@x.test', 'a'), (2, 'b@x.test', NULL), (3, 'c@x.test', NULL);
