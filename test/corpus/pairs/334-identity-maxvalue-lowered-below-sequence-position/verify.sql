SELECT nextval(pg_get_serial_sequence('t', 'id')) > (SELECT max(id) FROM t);
SELECT last_value <= 500 FROM t_id_seq;
