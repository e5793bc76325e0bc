SELECT total = 10 FROM lines WHERE id = 1;
SELECT total = 21 FROM lines WHERE id = 2;
