SELECT name = 'Globex' FROM customers WHERE id = 2;
