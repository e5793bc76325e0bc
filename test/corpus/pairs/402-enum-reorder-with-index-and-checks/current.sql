CREATE TYPE prio AS ENUM ('high', 'low', 'medium');
CREATE TABLE tasks (id integer PRIMARY KEY, prio prio NOT NULL, CONSTRAINT prio_not_medium_for_zero CHECK (id > 0 OR prio <> 'medium'));
CREATE INDEX tasks_prio_idx ON tasks (prio, id);
CREATE INDEX tasks_high_idx ON tasks (id) WHERE prio = 'high';
INSERT INTO tasks VALUES (1, 'high'), (2, 'low');
