SELECT count(*) = 0 FROM users;
