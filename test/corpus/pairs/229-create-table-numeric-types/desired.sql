CREATE TABLE things (id integer PRIMARY KEY, name text NOT NULL);

CREATE TABLE numbers (
    id bigint PRIMARY KEY,
    a smallint NOT NULL DEFAULT -1,
    b integer DEFAULT 2147483647,
    c bigint DEFAULT -9223372036854775808,
    d numeric(38,10),
    e numeric(5,0) DEFAULT 12345,
    f numeric(3,3) DEFAULT 0.999,
    g numeric,
    h real DEFAULT 'NaN',
    i double precision DEFAULT '-Infinity',
    j money,
    k boolean DEFAULT true,
    l oid
);
