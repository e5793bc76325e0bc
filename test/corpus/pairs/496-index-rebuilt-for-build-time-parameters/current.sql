CREATE TABLE t (id integer PRIMARY KEY, at timestamp, h integer);
CREATE INDEX t_at_idx ON t USING brin (at) WITH (pages_per_range = 32);
CREATE INDEX t_h_idx ON t USING hash (h);
INSERT INTO t SELECT i, '2024-01-01'::timestamp + i * interval '1 day', i % 7 FROM generate_series(1, 100) i;
