CREATE SCHEMA inv;
CREATE TABLE inv.skus (id integer PRIMARY KEY, vendor text, code text);
CREATE TABLE lines (id integer PRIMARY KEY, vendor text, code text);
INSERT INTO inv.skus VALUES (1, 'v', 'c');
INSERT INTO lines VALUES (1, 'v', 'c');
