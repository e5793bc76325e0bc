SELECT ref = 'R1' FROM orders;
