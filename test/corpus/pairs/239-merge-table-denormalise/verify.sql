SELECT count(*) = 2 FROM users;
