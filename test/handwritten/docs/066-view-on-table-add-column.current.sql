CREATE TABLE employees (id integer PRIMARY KEY, name text NOT NULL, dept text);
CREATE VIEW staff AS SELECT id, name, dept FROM employees;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER employees_touch BEFORE UPDATE ON employees FOR EACH ROW EXECUTE FUNCTION touch();
INSERT INTO employees VALUES (1, 'Ann', 'R&D'), (2, 'Bob', NULL);
