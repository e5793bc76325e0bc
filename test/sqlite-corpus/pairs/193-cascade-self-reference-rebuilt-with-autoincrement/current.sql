CREATE TABLE cat (id INTEGER PRIMARY KEY AUTOINCREMENT, parent INTEGER REFERENCES cat (id) ON DELETE CASCADE, name TEXT);
INSERT INTO cat (parent, name) VALUES (NULL, 'root'), (1, 'a'), (2, 'b'), (NULL, 'x');
DELETE FROM cat WHERE id = 4;
