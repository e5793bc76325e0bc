SELECT amount = 10 FROM orders;
