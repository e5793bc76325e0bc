SELECT referrer_id = 1 FROM users WHERE email = 'b@x.test';
