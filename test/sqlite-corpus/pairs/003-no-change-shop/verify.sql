SELECT count(*) = 1 FROM orders;
