SELECT e = 'ö' FROM t;
