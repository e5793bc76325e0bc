SELECT name = 'b' FROM events WHERE id = 2;
