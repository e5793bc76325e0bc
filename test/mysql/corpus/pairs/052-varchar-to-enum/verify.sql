SELECT s = 'green' FROM t WHERE id = 2;
