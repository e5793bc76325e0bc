CREATE SCHEMA hr;
CREATE TABLE hr.staff (id integer PRIMARY KEY, salary numeric(10,2));
INSERT INTO hr.staff VALUES (1, 5000), (2, 6100.50);
