CREATE TYPE cell AS ENUM ('x', 'o');
CREATE TABLE boards (id integer PRIMARY KEY, grid cell[][] DEFAULT '{{x,x},{o,o}}');
