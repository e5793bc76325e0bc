CREATE TYPE status AS ENUM ('a', 'b', 'fresh');
CREATE TABLE t (id integer PRIMARY KEY, hist status[] DEFAULT '{fresh}');
