CREATE TYPE listing_status AS ENUM ('draft', 'live');
CREATE TABLE listings (id integer PRIMARY KEY, status listing_status NOT NULL, price integer);
CREATE INDEX listings_live_idx ON listings (price) WHERE status = 'live';
