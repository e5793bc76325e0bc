CREATE TYPE status AS ENUM ('a', 'b');
CREATE TABLE t (id integer PRIMARY KEY, hist status[]);
INSERT INTO t VALUES (1, '{a}');
