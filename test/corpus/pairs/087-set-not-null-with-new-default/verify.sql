SELECT currency = 'USD' AND priority = 2 FROM orders WHERE id = 2;
