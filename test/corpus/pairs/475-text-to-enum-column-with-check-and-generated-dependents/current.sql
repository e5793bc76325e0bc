CREATE TYPE status AS ENUM ('open', 'closed');
CREATE TABLE t (id integer PRIMARY KEY, status text NOT NULL CHECK (status <> ''));
INSERT INTO t VALUES (1, 'open'), (2, 'closed');
