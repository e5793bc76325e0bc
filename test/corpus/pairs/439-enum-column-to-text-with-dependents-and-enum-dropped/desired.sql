CREATE TABLE t (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'open', CHECK (status <> 'closed' OR id > 0));
CREATE INDEX t_open_idx ON t (id) WHERE status = 'open';
