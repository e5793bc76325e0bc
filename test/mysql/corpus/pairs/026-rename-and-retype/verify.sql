SELECT c = 'x' FROM t WHERE id = 1;
SELECT c = 'z' FROM t WHERE id = 2;
