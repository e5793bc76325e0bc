CREATE SCHEMA hr;
CREATE TABLE hr.staff (id integer PRIMARY KEY, monthly_salary numeric(10,2));
