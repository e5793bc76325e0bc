SELECT name = 'Ann' FROM customers;
