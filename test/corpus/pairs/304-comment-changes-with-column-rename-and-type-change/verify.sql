SELECT quantity = 2 AND price = 300 FROM m;
