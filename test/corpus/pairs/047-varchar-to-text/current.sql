CREATE TABLE notes (id integer PRIMARY KEY, body varchar(280) NOT NULL, summary varchar DEFAULT 'none');
INSERT INTO notes VALUES (1, 'short', 'x'), (2, repeat('y', 280), DEFAULT);
