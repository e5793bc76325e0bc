CREATE TABLE t (id integer PRIMARY KEY, w integer NOT NULL DEFAULT 2, h integer NOT NULL DEFAULT 3,
  area integer GENERATED ALWAYS AS (w * h) STORED);
CREATE INDEX t_area_idx ON t (area DESC);
