SELECT name = 'b' FROM users;
