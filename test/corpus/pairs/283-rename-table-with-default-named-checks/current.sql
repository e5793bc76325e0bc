CREATE TABLE emp (id integer PRIMARY KEY, salary integer CHECK (salary > 0), lo integer, hi integer, CHECK (lo < hi));
INSERT INTO emp VALUES (1, 10, 1, 2);
