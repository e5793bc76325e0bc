CREATE TYPE status AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id integer PRIMARY KEY, status status);
CREATE TABLE u (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'c', CHECK (status <> 'b'));
CREATE INDEX u_c_idx ON u (id) WHERE status = 'c';
