SELECT handle = 'ann' FROM t;
