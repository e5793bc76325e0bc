CREATE TABLE currencies (id integer PRIMARY KEY, code char(3) NOT NULL);
CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(10,2), currency_code char(3));
INSERT INTO currencies VALUES (1, 'EUR'), (2, 'JPY');
INSERT INTO prices VALUES (1, 9.99, 'EUR'), (2, 1000, 'JPY'), (3, 1, NULL);
