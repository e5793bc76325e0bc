SELECT bool_and(state = 'active') FROM users;
