CREATE TABLE parts (id integer PRIMARY KEY, part_no text NOT NULL, name text);
CREATE TABLE assemblies (id integer PRIMARY KEY, part_id integer NOT NULL REFERENCES parts (id));
INSERT INTO parts VALUES (1, 'P-1', 'bolt'), (2, 'P-2', 'nut');
INSERT INTO assemblies VALUES (10, 1), (11, 2);
