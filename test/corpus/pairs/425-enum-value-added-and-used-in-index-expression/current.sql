CREATE TYPE status AS ENUM ('a', 'b');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL);
INSERT INTO t VALUES (1, 'a');
