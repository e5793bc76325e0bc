CREATE TYPE status AS ENUM ('x', 'y', 'z');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL, is_x boolean GENERATED ALWAYS AS (status = 'x') STORED);
COMMENT ON COLUMN t.is_x IS 'old comment';
INSERT INTO t (id, status) VALUES (1, 'z');
