SELECT full = 'x y' FROM t;
