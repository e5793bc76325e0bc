CREATE TABLE places (id integer PRIMARY KEY, pos point, name text, span int4range);
CREATE INDEX places_pos_idx ON places USING spgist (pos);
CREATE INDEX places_name_idx ON places USING spgist (name);
CREATE INDEX places_span_idx ON places USING spgist (span);
