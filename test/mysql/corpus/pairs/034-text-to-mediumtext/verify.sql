SELECT a = 'body' FROM t;
