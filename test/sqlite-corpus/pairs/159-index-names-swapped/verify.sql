SELECT count(*) = 1 FROM t INDEXED BY i1 WHERE b = 2;
