SELECT status = 'closed' FROM orders WHERE id = 2;
