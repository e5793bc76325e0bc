CREATE TYPE status AS ENUM ('new', 'old');
CREATE TABLE t (id integer PRIMARY KEY, status status DEFAULT 'old');
CREATE INDEX t_stale_idx ON t (id) WHERE status = 'old';
