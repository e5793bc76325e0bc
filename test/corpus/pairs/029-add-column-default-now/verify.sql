SELECT count(created_at) = 3 FROM users;
