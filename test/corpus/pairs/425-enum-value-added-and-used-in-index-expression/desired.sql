CREATE TYPE status AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL);
CREATE INDEX t_is_c_idx ON t ((status = 'c'));
