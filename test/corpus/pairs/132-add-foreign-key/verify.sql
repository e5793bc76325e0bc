SELECT count(*) = 3 FROM orders;
