CREATE TABLE things (id integer PRIMARY KEY, name text NOT NULL);

CREATE TABLE infra (
    id integer PRIMARY KEY,
    ip inet NOT NULL DEFAULT '127.0.0.1',
    net cidr,
    mac macaddr,
    mac8 macaddr8,
    pos point,
    bounds box,
    route path,
    shape polygon,
    edge lseg,
    ray line,
    zone circle
);
CREATE INDEX infra_bounds_idx ON infra USING gist (bounds);
CREATE INDEX infra_zone_idx ON infra USING gist (zone);
CREATE INDEX infra_ip_idx ON infra USING hash (ip);
