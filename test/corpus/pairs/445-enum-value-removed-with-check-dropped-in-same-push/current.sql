CREATE TYPE status AS ENUM ('a', 'b', 'gone');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL, CONSTRAINT t_not_gone CHECK (status <> 'gone'));
INSERT INTO t VALUES (1, 'a');
