CREATE TABLE authors (id integer, name text NOT NULL, CONSTRAINT authors_primary PRIMARY KEY (id));
INSERT INTO authors VALUES (1, 'Tolkien');
