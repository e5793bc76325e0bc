SELECT bee = 'x' FROM t;
