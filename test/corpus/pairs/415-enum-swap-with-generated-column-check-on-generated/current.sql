CREATE TYPE status AS ENUM ('new', 'done', 'void');
CREATE TABLE jobs (id integer PRIMARY KEY, status status NOT NULL,
  weight integer GENERATED ALWAYS AS (CASE WHEN status = 'done' THEN 0 ELSE 1 END) STORED CHECK (weight >= 0));
INSERT INTO jobs (id, status) VALUES (1, 'new'), (2, 'void');
