CREATE TABLE invoices (id integer PRIMARY KEY, number text NOT NULL);
INSERT INTO invoices VALUES (1, 'INV-1'), (2, 'INV-2');
