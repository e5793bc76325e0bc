CREATE TYPE status AS ENUM ('low', 'mid', 'high');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL,
  urgent boolean GENERATED ALWAYS AS (status >= 'high') STORED);
CREATE INDEX t_above_low_idx ON t ((status > 'low'));
