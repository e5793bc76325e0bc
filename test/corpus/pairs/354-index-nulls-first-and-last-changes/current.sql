CREATE TABLE tasks (id integer PRIMARY KEY, due date, prio integer);
CREATE INDEX tasks_due_idx ON tasks (due);
CREATE INDEX tasks_prio_idx ON tasks (prio DESC);
CREATE INDEX tasks_both_idx ON tasks (due NULLS FIRST, prio DESC NULLS LAST);
INSERT INTO tasks VALUES (1, NULL, NULL), (2, '2024-01-01', 1);
