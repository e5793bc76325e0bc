SELECT status = 'b' FROM t;
