CREATE TABLE rooms (id integer PRIMARY KEY, lo integer NOT NULL, hi integer NOT NULL, CHECK (lo <= hi));
CREATE INDEX rooms_span_idx ON rooms USING gist (int4range(lo, hi, '[]'));
CREATE INDEX rooms_span_sp_idx ON rooms USING spgist (int4range(lo, hi)) WHERE hi > lo;
