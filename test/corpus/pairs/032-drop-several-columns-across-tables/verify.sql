SELECT sum(total) = 30.50 FROM invoices;
