CREATE TABLE deadlines (id integer PRIMARY KEY, due date NOT NULL);
INSERT INTO deadlines VALUES (1, '2024-09-30');
