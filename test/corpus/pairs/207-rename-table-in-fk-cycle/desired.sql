CREATE TABLE departments (id integer PRIMARY KEY, head_id integer);
CREATE TABLE emp (id integer PRIMARY KEY, dept_id integer REFERENCES departments (id));
ALTER TABLE departments ADD FOREIGN KEY (head_id) REFERENCES emp (id) DEFERRABLE INITIALLY DEFERRED;
