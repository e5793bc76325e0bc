SELECT s = 'b' FROM t WHERE id = 1;
SELECT s = 'c' FROM t WHERE id = 2;
