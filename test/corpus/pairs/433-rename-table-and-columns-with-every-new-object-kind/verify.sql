SELECT name = 'Ann' AND age_days = 9132 FROM people WHERE id = 10;
SELECT nextval(pg_get_serial_sequence('people', 'id')) > (SELECT max(id) FROM people);
