CREATE TABLE places (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    area box,
    location point,
    open_hours int4range,
    attributes jsonb NOT NULL DEFAULT '{}',
    labels text[],
    search tsvector,
    visited_at timestamptz,
    token uuid
);
CREATE INDEX places_name_btree ON places USING btree (name);
CREATE INDEX places_token_hash ON places USING hash (token);
CREATE INDEX places_area_gist ON places USING gist (area);
CREATE INDEX places_location_gist ON places USING gist (location);
CREATE INDEX places_hours_gist ON places USING gist (open_hours);
CREATE INDEX places_attributes_gin ON places USING gin (attributes);
CREATE INDEX places_labels_gin ON places USING gin (labels);
CREATE INDEX places_search_gin ON places USING gin (search);
CREATE INDEX places_visited_brin ON places USING brin (visited_at);
CREATE UNIQUE INDEX places_name_lower_unique ON places (name, token) WHERE token IS NOT NULL;
