CREATE TYPE status AS ENUM ('todo', 'finished');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL, finished boolean GENERATED ALWAYS AS (status = 'finished') STORED);
CREATE INDEX t_done_idx ON t ((status = 'finished'));
