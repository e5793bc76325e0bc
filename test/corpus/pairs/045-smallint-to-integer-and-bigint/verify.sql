SELECT on_hand = 32767 AND reserved = 1 FROM stock WHERE sku = 'a';
