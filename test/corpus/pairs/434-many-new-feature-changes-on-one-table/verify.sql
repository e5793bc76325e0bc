SELECT total = 10.00 FROM orders WHERE code = 'A-1';
SELECT nextval(pg_get_serial_sequence('orders', 'id')) > (SELECT max(id) FROM orders);
