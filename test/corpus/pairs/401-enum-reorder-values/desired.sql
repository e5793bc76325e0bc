CREATE TYPE prio AS ENUM ('low', 'medium', 'high');
CREATE TABLE tasks (id integer PRIMARY KEY, prio prio NOT NULL DEFAULT 'medium');
