CREATE TYPE status AS ENUM ('open', 'closed');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL CHECK (status <> 'closed' OR id > 0),
  is_open boolean GENERATED ALWAYS AS (status = 'open') STORED);
