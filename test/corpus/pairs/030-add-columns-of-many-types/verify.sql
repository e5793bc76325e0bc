SELECT bool_and(preferences = '{}' AND NOT is_admin AND balance = 0) FROM users;
