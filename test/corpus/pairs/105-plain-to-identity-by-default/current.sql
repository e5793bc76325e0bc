CREATE TABLE devices (id integer PRIMARY KEY, name text);
INSERT INTO devices VALUES (1, 'phone'), (2, 'laptop');
