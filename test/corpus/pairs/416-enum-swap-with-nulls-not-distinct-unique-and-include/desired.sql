CREATE TYPE status AS ENUM ('a', 'b');
CREATE TABLE t (id integer PRIMARY KEY, grp integer, status status);
CREATE UNIQUE INDEX t_grp_status_key ON t (grp, status) NULLS NOT DISTINCT;
CREATE INDEX t_status_cover_idx ON t (grp) INCLUDE (status) WHERE status IS DISTINCT FROM 'b';
