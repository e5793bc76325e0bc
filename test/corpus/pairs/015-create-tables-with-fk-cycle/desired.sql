CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (id),
    title varchar(200) NOT NULL,
    body text NOT NULL DEFAULT ''
);

CREATE TABLE departments (
    id integer PRIMARY KEY,
    name text NOT NULL,
    head_id integer
);
CREATE TABLE employees (
    id integer PRIMARY KEY,
    name text NOT NULL,
    department_id integer NOT NULL REFERENCES departments (id) DEFERRABLE INITIALLY DEFERRED
);
ALTER TABLE departments ADD CONSTRAINT departments_head_fk
    FOREIGN KEY (head_id) REFERENCES employees (id) ON DELETE SET NULL;
