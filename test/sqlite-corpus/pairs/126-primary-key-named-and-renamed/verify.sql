SELECT v = 'x' FROM t WHERE rowid = 1;
