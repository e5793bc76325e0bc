SELECT nextval(pg_get_serial_sequence('orders', 'id')) > (SELECT max(id) FROM orders);
SELECT total = 2 FROM orders WHERE id = 1010;
