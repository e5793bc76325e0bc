SELECT nextval(pg_get_serial_sequence('a', 'id')) > (SELECT max(id) FROM a);
SELECT nextval(pg_get_serial_sequence('b', 'id')) > (SELECT max(id) FROM b);
