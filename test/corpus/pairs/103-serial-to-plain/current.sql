CREATE TABLE invoices (id serial PRIMARY KEY, number text NOT NULL);
INSERT INTO invoices (number) VALUES ('INV-1'), ('INV-2');
