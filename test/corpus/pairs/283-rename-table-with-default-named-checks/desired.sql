CREATE TABLE employees (id integer PRIMARY KEY, salary integer CHECK (salary > 0), lo integer, hi integer, CHECK (lo < hi));
