SELECT count(mobile) = 0 FROM users;
