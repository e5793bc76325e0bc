CREATE TABLE tasks (id integer PRIMARY KEY, due date, prio integer);
CREATE INDEX tasks_due_idx ON tasks (due NULLS FIRST);
CREATE INDEX tasks_prio_idx ON tasks (prio DESC NULLS LAST);
CREATE INDEX tasks_both_idx ON tasks (due ASC NULLS LAST, prio DESC NULLS FIRST);
