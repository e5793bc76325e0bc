CREATE TABLE places (id integer PRIMARY KEY, pos point, name text, span int4range);
INSERT INTO places VALUES (1, '(1,2)', 'x', '[1,5)');
