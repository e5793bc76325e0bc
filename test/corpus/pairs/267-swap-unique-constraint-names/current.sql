CREATE TABLE accounts (id integer PRIMARY KEY, email text, phone text, CONSTRAINT uq_one UNIQUE (email), CONSTRAINT uq_two UNIQUE (phone));
INSERT INTO accounts VALUES (1, 'a@x.test', '1'), (2, 'b@x.test', '2');
