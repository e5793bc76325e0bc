CREATE TYPE status AS ENUM ('active', 'archived', 'deleted');
CREATE TABLE docs (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'active', archived_at date,
  CONSTRAINT archived_has_date CHECK (status <> 'archived' OR archived_at IS NOT NULL));
INSERT INTO docs VALUES (1, 'active', NULL), (2, 'archived', '2024-01-01'), (3, 'deleted', NULL);
