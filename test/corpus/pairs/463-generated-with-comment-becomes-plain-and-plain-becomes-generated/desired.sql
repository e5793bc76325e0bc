CREATE TABLE t (id integer PRIMARY KEY, a integer NOT NULL, g integer, p integer GENERATED ALWAYS AS (a * 10) STORED);
COMMENT ON COLUMN t.g IS 'was generated';
COMMENT ON COLUMN t.p IS 'now generated';
