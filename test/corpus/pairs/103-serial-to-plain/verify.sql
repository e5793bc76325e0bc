SELECT number = 'INV-2' FROM invoices WHERE id = 2;
