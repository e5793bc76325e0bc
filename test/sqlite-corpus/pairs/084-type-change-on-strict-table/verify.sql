SELECT n = 5 AND typeof(n) = 'integer' FROM t;
