CREATE TYPE status AS ENUM ('a', 'b', 'banned');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL, CONSTRAINT t_not_banned CHECK (status <> 'banned'));
