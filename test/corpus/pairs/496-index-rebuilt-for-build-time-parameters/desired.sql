CREATE TABLE t (id integer PRIMARY KEY, at timestamp, h integer);
CREATE INDEX t_at_idx ON t USING brin (at) WITH (pages_per_range = 8);
CREATE INDEX t_h_idx ON t USING hash (h) WITH (fillfactor = 60);
