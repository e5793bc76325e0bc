SELECT status = 'bad' FROM t WHERE id = 2;
SELECT status = 'ok' FROM t WHERE id = 3;
