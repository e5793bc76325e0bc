CREATE TYPE status AS ENUM ('a', 'b', 'gone');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL);
CREATE INDEX t_gone_idx ON t (id) WHERE status = 'gone';
INSERT INTO t VALUES (1, 'gone');
