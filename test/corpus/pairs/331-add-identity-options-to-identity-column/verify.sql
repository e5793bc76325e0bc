SELECT nextval(pg_get_serial_sequence('tickets', 'id')) > (SELECT max(id) FROM tickets);
SELECT title = 'c' FROM tickets WHERE id = 3;
