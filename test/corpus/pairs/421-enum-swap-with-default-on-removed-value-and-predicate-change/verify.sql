SELECT status = 'old' FROM t WHERE id = 1;
