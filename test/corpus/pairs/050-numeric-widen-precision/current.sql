CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(5,2) NOT NULL, tax numeric(4,3));
INSERT INTO prices VALUES (1, 999.99, 0.200), (2, 0.01, NULL);
