SELECT name = 'Globex' FROM clients WHERE id = 2;
