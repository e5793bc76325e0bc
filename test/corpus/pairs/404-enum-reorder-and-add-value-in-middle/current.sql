CREATE TYPE stage AS ENUM ('done', 'todo', 'doing');
CREATE TABLE cards (id integer PRIMARY KEY, stage stage);
INSERT INTO cards VALUES (1, 'done'), (2, 'todo');
