SELECT c = 'x' FROM t;
