SELECT j = '[1,2]' FROM t WHERE id = 1;
SELECT j = '[]' FROM t WHERE id = 2;
