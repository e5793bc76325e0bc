SELECT count(DISTINCT public_id) = 3 FROM users;
