SELECT name = 'ann' FROM t;
