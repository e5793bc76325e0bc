CREATE TABLE accounts (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
INSERT INTO accounts VALUES (0, 'system'), (1, 'alice');
