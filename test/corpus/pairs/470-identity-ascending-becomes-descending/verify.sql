SELECT nextval(pg_get_serial_sequence('t', 'id')) < (SELECT min(id) FROM t);
