SELECT typeof(a) = 'real' AND a = 3.0 FROM t;
SELECT b = 2.5 FROM t;
