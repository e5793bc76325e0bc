SELECT total = 3.00 FROM lines WHERE id = 1;
SELECT total = 30 FROM lines WHERE id = 2;
