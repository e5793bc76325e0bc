SELECT count(*) = 2 FROM t;
SELECT hex(b) = '00FF' FROM t WHERE id = 1;
SELECT typeof(a) = 'integer' FROM t WHERE id = 2;
