CREATE TYPE status AS ENUM ('active', 'archived');
CREATE TABLE docs (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'active', archived_at date,
  CONSTRAINT archived_has_date CHECK (status <> 'archived' OR archived_at IS NOT NULL));
