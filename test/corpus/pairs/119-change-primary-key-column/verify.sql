SELECT name = 'B' FROM users WHERE email = 'b@x.test';
