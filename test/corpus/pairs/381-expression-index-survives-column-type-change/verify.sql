SELECT code = 'AB' AND n = 3 FROM t;
