CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE swatches (id integer PRIMARY KEY, color color NOT NULL DEFAULT 'red');
INSERT INTO swatches VALUES (1, 'blue'), (2, DEFAULT);
