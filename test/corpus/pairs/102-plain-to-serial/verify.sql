SELECT count(*) = 2 FROM invoices;
