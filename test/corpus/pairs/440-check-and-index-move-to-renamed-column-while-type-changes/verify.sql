SELECT amount = 5 FROM t WHERE id = 1;
