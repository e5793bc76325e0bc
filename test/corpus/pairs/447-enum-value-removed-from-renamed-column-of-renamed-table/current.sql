CREATE TYPE status AS ENUM ('a', 'b', 'c');
CREATE TABLE tmp (id integer PRIMARY KEY, st status, other status);
INSERT INTO tmp VALUES (1, 'c', 'c');
