SELECT a = 'Ab' FROM t;
