CREATE TYPE status AS ENUM ('new', 'old', 'stale');
CREATE TABLE t (id integer PRIMARY KEY, status status DEFAULT 'stale');
CREATE INDEX t_stale_idx ON t (id) WHERE status = 'stale';
INSERT INTO t VALUES (1, DEFAULT), (2, 'new');
