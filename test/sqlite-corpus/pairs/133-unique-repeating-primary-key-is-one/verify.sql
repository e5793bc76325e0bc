SELECT count(*) = 1 FROM t WHERE k IS NULL AND a = 'x';
