CREATE TABLE parent (id integer, n integer);
CREATE TABLE child (extra text) INHERITS (parent);
INSERT INTO parent VALUES (1, 1);
INSERT INTO child VALUES (2, -2, 'x');
