CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO customer VALUES (1, 'Acme'), (2, 'Globex');
