SELECT bool_and(login_count = 0) FROM users;
