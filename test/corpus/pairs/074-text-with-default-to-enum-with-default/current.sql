CREATE TYPE task_state AS ENUM ('todo', 'doing', 'done');
CREATE TABLE tasks (id integer PRIMARY KEY, state text NOT NULL DEFAULT 'todo', title text);
INSERT INTO tasks VALUES (1, 'done', 'write'), (2, DEFAULT, 'test');
