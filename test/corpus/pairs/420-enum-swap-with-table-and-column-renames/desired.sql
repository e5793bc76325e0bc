CREATE TYPE status AS ENUM ('c', 'b', 'a');
CREATE TABLE things (id integer PRIMARY KEY, state status NOT NULL DEFAULT 'a', CHECK (state <> 'b' OR id > 0));
CREATE INDEX tmp_st_idx ON things (id) WHERE state = 'a';
