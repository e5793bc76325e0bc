CREATE TABLE nodes (id INTEGER PRIMARY KEY, parent INTEGER, label TEXT);
INSERT INTO nodes VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 2, 'b');
