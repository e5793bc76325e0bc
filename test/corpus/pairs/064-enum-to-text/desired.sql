CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE swatches (id integer PRIMARY KEY, color text NOT NULL DEFAULT 'red');
