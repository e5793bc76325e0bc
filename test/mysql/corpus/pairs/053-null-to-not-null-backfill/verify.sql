SELECT a = 'none' FROM t WHERE id = 1;
SELECT a = 'x' FROM t WHERE id = 2;
