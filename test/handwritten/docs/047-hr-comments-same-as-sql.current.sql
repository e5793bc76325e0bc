CREATE TABLE employees (
    id int PRIMARY KEY,
    manager_id int REFERENCES employees DEFERRABLE INITIALLY DEFERRED,
    name text NOT NULL,
    salary decimal(12,2) CHECK (salary > 0),
    hired_on date NOT NULL DEFAULT current_date,
    CHECK (manager_id <> id)
);
CREATE INDEX ON employees (manager_id);
COMMENT ON TABLE employees IS 'Everyone on the payroll';
COMMENT ON COLUMN employees.manager_id IS 'NULL for the CEO';
COMMENT ON COLUMN employees.salary IS 'Yearly, in EUR';
BEGIN;
INSERT INTO employees (id, manager_id, name, salary) VALUES (2, 1, 'Bea', 50000), (1, NULL, 'Ada', 90000.5);
COMMIT;
