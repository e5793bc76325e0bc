SELECT a = 21 AND doubled = 42 FROM t;
