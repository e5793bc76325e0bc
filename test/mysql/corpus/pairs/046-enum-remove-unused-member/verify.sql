SELECT s = 'c' FROM t WHERE id = 2;
