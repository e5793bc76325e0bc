CREATE TABLE shapes (id integer PRIMARY KEY, w integer NOT NULL CHECK (w > 0), h integer NOT NULL,
  CONSTRAINT shapes_area CHECK (w * h < 10000));
INSERT INTO shapes VALUES (1, 3, 4);
