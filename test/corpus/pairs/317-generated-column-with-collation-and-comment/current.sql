CREATE TABLE names (id integer PRIMARY KEY, n text NOT NULL);
INSERT INTO names VALUES (1, 'b'), (2, 'A');
