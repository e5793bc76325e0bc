CREATE TABLE regions (code text PRIMARY KEY);
CREATE TABLE zones (id smallserial PRIMARY KEY, region text NOT NULL REFERENCES regions, name text NOT NULL, UNIQUE (region, name));
