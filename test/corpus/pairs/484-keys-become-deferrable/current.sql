CREATE TABLE slot (id integer PRIMARY KEY, pos integer UNIQUE, label text);
INSERT INTO slot VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c');
