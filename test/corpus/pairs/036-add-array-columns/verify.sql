SELECT bool_and(roles = '{}' AND recovery_codes = '{none}') FROM users;
