CREATE TYPE status AS ENUM ('a', 'b', 'z');
CREATE TABLE t (id integer PRIMARY KEY, hist status[] NOT NULL DEFAULT '{a}',
  CONSTRAINT hist_starts_with_a CHECK (hist[1] = 'a'), CONSTRAINT hist_has_no_b CHECK (NOT ('b' = ANY (hist))));
CREATE INDEX t_hist_idx ON t USING gin (hist);
INSERT INTO t VALUES (1, '{a,z}'), (2, DEFAULT);
