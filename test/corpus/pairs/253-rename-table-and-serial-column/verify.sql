SELECT total = 20 FROM invoices WHERE invoice_no = 2;
