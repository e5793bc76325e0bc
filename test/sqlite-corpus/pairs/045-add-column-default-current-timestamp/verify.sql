SELECT created IS NOT NULL FROM t;
SELECT a = 'x' FROM t;
