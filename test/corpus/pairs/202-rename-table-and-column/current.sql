CREATE TABLE cat (id integer PRIMARY KEY, nm text NOT NULL, UNIQUE (nm));
INSERT INTO cat VALUES (1, 'Books'), (2, 'Music');
