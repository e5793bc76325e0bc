CREATE TYPE level AS ENUM ('low', 'mid', 'high');
CREATE TABLE widgets (
    id integer PRIMARY KEY,
    name text NOT NULL,
    c1 smallint DEFAULT 1, c2 bigint, c3 numeric(9,3) DEFAULT 1.5, c4 real, c5 double precision,
    c6 money, c7 boolean NOT NULL DEFAULT false, c8 varchar(10) DEFAULT 'v', c9 char(3),
    c10 bytea, c11 uuid DEFAULT gen_random_uuid(), c12 json, c13 jsonb NOT NULL DEFAULT '{"a": [1]}',
    c14 xml, c15 date, c16 time(2), c17 timetz, c18 timestamp(1), c19 timestamptz DEFAULT now(),
    c20 interval DEFAULT '5 minutes', c21 bit(3) DEFAULT '101', c22 varbit(8), c23 inet, c24 cidr,
    c25 macaddr, c26 point, c27 box, c28 tsvector, c29 int4range, c30 oid, c31 level DEFAULT 'mid',
    c32 level[] DEFAULT '{}', c33 text[][] DEFAULT '{{a,b},{c,d}}', c34 int8range, c35 tstzrange
);
