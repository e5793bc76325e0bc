CREATE TYPE listing_status AS ENUM ('draft', 'live');
CREATE TABLE listings (id integer PRIMARY KEY, status text NOT NULL, price integer);
CREATE INDEX listings_live_idx ON listings (price) WHERE status = 'live';
INSERT INTO listings VALUES (1, 'live', 10), (2, 'draft', 20);
