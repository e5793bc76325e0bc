CREATE TYPE cell AS ENUM ('x', 'o');
CREATE TABLE boards (id integer PRIMARY KEY, grid text[][]);
INSERT INTO boards VALUES (1, '{{x,o},{o,x}}');
