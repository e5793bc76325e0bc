SELECT nick = 'a' FROM users;
