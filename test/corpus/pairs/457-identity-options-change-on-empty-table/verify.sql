SELECT nextval(pg_get_serial_sequence('t', 'id')) = 50;
