CREATE TYPE status AS ENUM ('todo', 'done');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL, finished boolean GENERATED ALWAYS AS (status = 'done') STORED);
CREATE INDEX t_done_idx ON t ((status = 'done'));
INSERT INTO t (id, status) VALUES (1, 'done');
