SELECT a = 'd' FROM t WHERE id = 1;
