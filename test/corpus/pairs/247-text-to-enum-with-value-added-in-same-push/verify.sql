SELECT state = 'refunded' FROM orders WHERE id = 3;
