SELECT doubled = 42 FROM t;
