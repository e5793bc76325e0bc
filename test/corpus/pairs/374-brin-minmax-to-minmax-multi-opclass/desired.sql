CREATE TABLE log (id bigint PRIMARY KEY, at timestamptz NOT NULL, n integer);
CREATE INDEX log_at_idx ON log USING brin (at timestamptz_minmax_multi_ops);
CREATE INDEX log_at_n_idx ON log USING brin (at, n int4_bloom_ops);
