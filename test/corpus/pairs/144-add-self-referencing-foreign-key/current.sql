CREATE TABLE employees (id integer PRIMARY KEY, name text NOT NULL, manager_id integer);
INSERT INTO employees VALUES (1, 'CEO', NULL), (2, 'CTO', 1), (3, 'Dev', 2);
