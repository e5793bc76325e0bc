CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO tags VALUES (1, 'Red'), (2, 'blue');
