SELECT name = 'laptop' FROM devices WHERE id = 2;
