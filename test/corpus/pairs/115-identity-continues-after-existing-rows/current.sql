CREATE TABLE receipts (id integer PRIMARY KEY, total numeric(8,2) NOT NULL);
INSERT INTO receipts VALUES (1, 10), (2, 20), (3, 30);
