SELECT a = 'abcdefghij' FROM t;
