CREATE TABLE events (id integer PRIMARY KEY, payload jsonb NOT NULL, tags text[] NOT NULL DEFAULT '{}',
  kind text GENERATED ALWAYS AS (payload ->> 'kind') STORED,
  n integer GENERATED ALWAYS AS ((payload -> 'n')::integer) STORED,
  tag_count integer GENERATED ALWAYS AS (cardinality(tags)) STORED);
CREATE INDEX events_kind_idx ON events (kind) INCLUDE (n);
