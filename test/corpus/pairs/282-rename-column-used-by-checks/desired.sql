CREATE TABLE shapes (id integer PRIMARY KEY, width integer NOT NULL CHECK (width > 0), h integer NOT NULL,
  CONSTRAINT shapes_area CHECK (width * h < 10000));
