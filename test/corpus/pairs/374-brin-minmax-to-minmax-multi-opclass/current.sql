CREATE TABLE log (id bigint PRIMARY KEY, at timestamptz NOT NULL, n integer);
CREATE INDEX log_at_idx ON log USING brin (at);
INSERT INTO log VALUES (1, now(), 1);
