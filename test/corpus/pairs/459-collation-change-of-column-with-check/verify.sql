SELECT code = 'b' FROM t;
