CREATE TYPE status AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id integer PRIMARY KEY, status status);
CREATE INDEX t_is_a_idx ON t ((status = 'a'), id);
CREATE INDEX t_status_idx ON t (status DESC NULLS LAST, id);
CREATE INDEX t_coalesce_idx ON t ((coalesce(status, 'b')));
INSERT INTO t VALUES (1, 'a'), (2, 'c'), (3, NULL);
