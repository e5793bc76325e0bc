CREATE TYPE status AS ENUM ('a', 'b', 'c');
CREATE TABLE tmp (id integer PRIMARY KEY, st status NOT NULL DEFAULT 'a', CHECK (st <> 'b' OR id > 0));
CREATE INDEX tmp_st_idx ON tmp (id) WHERE st = 'a';
INSERT INTO tmp VALUES (1, 'a'), (2, 'c');
