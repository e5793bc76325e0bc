-- Indexes and constraints the document no longer has are dropped without force.
CREATE TABLE events (
    id bigint PRIMARY KEY,
    kind text NOT NULL CHECK (kind <> ''),
    at timestamptz NOT NULL,
    UNIQUE (kind, at)
);
CREATE INDEX events_at_idx ON events (at);
CREATE INDEX ON events (kind, at);
INSERT INTO events VALUES (1, 'click', now()), (2, 'view', now());
