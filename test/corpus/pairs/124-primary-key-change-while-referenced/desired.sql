CREATE TABLE parts (id integer NOT NULL UNIQUE, part_no text PRIMARY KEY, name text);
CREATE TABLE assemblies (id integer PRIMARY KEY, part_id integer NOT NULL REFERENCES parts (id));
