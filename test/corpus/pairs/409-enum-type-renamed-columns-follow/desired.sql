CREATE TYPE color AS ENUM ('red', 'green');
CREATE TABLE cars (id integer PRIMARY KEY, colour color NOT NULL DEFAULT 'red', others color[]);
