CREATE TABLE names (id integer PRIMARY KEY, n text NOT NULL,
  n_upper text COLLATE "C" GENERATED ALWAYS AS (upper(n)) STORED);
COMMENT ON COLUMN names.n_upper IS 'upper-cased, byte order';
