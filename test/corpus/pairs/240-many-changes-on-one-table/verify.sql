SELECT price = 9.99 AND kind = 'a' AND code = 'X1' FROM items WHERE id = 1;
