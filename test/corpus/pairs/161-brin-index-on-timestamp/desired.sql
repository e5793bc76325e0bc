CREATE TABLE listings (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    city text,
    price integer,
    status text NOT NULL DEFAULT 'draft',
    features jsonb NOT NULL DEFAULT '{}',
    photos text[] NOT NULL DEFAULT '{}',
    document tsvector,
    footprint box,
    pin point,
    available int4range,
    listed_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE INDEX listings_listed_at_idx ON listings USING brin (listed_at);
