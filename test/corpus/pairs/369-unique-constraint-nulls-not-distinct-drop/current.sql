CREATE TABLE emails (id integer PRIMARY KEY, address text, CONSTRAINT emails_one_null UNIQUE NULLS NOT DISTINCT (address));
INSERT INTO emails VALUES (1, 'a'), (2, NULL);
