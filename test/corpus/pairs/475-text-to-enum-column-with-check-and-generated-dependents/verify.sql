SELECT is_open FROM t WHERE id = 1;
