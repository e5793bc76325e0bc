SELECT a = 'Ærø' FROM t;
