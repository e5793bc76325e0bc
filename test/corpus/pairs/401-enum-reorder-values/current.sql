CREATE TYPE prio AS ENUM ('high', 'low', 'medium');
CREATE TABLE tasks (id integer PRIMARY KEY, prio prio NOT NULL DEFAULT 'medium');
INSERT INTO tasks VALUES (1, 'high'), (2, 'low'), (3, DEFAULT);
