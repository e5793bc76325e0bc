CREATE TABLE invoices (invoice_no serial PRIMARY KEY, total numeric(8,2));
