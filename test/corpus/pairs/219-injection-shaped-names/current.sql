CREATE TABLE students (id integer PRIMARY KEY, name text);
INSERT INTO students VALUES (1, 'Robert');
