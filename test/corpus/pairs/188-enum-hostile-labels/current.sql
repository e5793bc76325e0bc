CREATE TYPE "weird label" AS ENUM ('a');
CREATE TABLE t (id integer PRIMARY KEY, v "weird label");
INSERT INTO t VALUES (1, 'a');
