SELECT id = 100 FROM t;
SELECT pg_get_serial_sequence('t', 'id') IS NULL;
