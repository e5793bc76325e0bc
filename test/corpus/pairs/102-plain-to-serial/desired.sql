CREATE TABLE invoices (id serial PRIMARY KEY, number text NOT NULL);
