SELECT amount = 999.99 AND tax = 0.2 FROM prices WHERE id = 1;
