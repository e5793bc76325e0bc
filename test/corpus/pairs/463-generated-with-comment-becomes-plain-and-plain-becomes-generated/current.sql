CREATE TABLE t (id integer PRIMARY KEY, a integer NOT NULL, g integer GENERATED ALWAYS AS (a + 1) STORED, p integer);
COMMENT ON COLUMN t.g IS 'was generated';
COMMENT ON COLUMN t.p IS 'was plain';
INSERT INTO t (id, a, p) VALUES (1, 1, 0);
