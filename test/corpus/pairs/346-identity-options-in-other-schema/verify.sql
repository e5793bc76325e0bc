SELECT nextval(pg_get_serial_sequence('ops.jobs', 'id')) > (SELECT max(id) FROM ops.jobs);
