SELECT nextval(pg_get_serial_sequence('things', 'id')) > (SELECT max(id) FROM things);
SELECT v = 'c' FROM things WHERE id = 3;
