CREATE TYPE status AS ENUM ('open', 'closed', 'dup');
CREATE TABLE issues (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'open',
  is_open boolean GENERATED ALWAYS AS (status = 'open') STORED);
CREATE INDEX issues_is_open_idx ON issues (is_open) WHERE is_open;
COMMENT ON COLUMN issues.is_open IS 'derived';
INSERT INTO issues (id, status) VALUES (1, 'open'), (2, 'closed'), (3, 'dup');
