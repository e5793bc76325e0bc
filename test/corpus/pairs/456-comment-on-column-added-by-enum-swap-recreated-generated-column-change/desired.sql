CREATE TYPE status AS ENUM ('x', 'y');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL, is_x boolean GENERATED ALWAYS AS (status = 'x' OR id = 0) STORED);
COMMENT ON COLUMN t.is_x IS 'new comment';
