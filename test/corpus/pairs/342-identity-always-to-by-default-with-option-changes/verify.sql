SELECT nextval(pg_get_serial_sequence('t', 'id')) > (SELECT max(id) FROM t);
