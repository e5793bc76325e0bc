SELECT count(DISTINCT seq) = 3 FROM t;
SELECT min(seq) >= 100 FROM t;
SELECT nextval(pg_get_serial_sequence('t', 'seq')) > (SELECT max(seq) FROM t);
