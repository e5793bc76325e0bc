SELECT status = 'b' FROM t WHERE id = 2;
