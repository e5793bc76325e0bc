CREATE TYPE role AS ENUM ('user', 'admin', 'root');
CREATE TABLE accounts (id integer PRIMARY KEY, login text NOT NULL, role role NOT NULL DEFAULT 'user');
INSERT INTO accounts VALUES (1, 'ann', 'root'), (2, 'bob', 'user');
