SELECT nextval(pg_get_serial_sequence('t', 'id')) >= 10;
SELECT count(*) = 3 FROM t;
