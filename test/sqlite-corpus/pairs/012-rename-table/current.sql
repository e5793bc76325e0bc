CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT);
INSERT INTO accounts VALUES (1, 'x', 'y'), (2, 'z', NULL);
