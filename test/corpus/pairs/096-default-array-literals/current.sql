CREATE TABLE recipes (id serial PRIMARY KEY, steps text[], amounts numeric[], flags boolean[] DEFAULT '{true}');
INSERT INTO recipes (steps) VALUES ('{mix,bake}');
