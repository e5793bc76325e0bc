CREATE TABLE places (id integer PRIMARY KEY, pos point);
CREATE INDEX places_pos_idx ON places USING spgist (pos kd_point_ops);
