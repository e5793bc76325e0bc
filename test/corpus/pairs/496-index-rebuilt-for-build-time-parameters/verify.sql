SELECT count(*) = 100 FROM t;
SELECT count(*) = 14 FROM t WHERE h = 3;
