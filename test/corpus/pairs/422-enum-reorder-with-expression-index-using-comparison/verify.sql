SELECT urgent FROM t WHERE id = 2;
SELECT NOT urgent FROM t WHERE id = 1;
