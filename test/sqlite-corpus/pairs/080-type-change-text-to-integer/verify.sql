SELECT typeof(n) = 'integer' FROM t;
SELECT sum(n) = 49 FROM t;
