SELECT price_cents = 1999 FROM products WHERE id = 2;
