SELECT status = 'closed' FROM t WHERE id = 2;
