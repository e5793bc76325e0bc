CREATE TABLE squares (id integer PRIMARY KEY, a integer NOT NULL, square integer GENERATED ALWAYS AS (a * a) STORED);
