CREATE TYPE status AS ENUM ('open', 'closed');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'open', CHECK (status <> 'closed' OR id > 0));
CREATE INDEX t_open_idx ON t (id) WHERE status = 'open';
INSERT INTO t VALUES (1, 'open'), (2, 'closed');
