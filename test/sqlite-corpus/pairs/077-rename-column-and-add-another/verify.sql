SELECT b = 'A' AND c = 0 FROM t;
