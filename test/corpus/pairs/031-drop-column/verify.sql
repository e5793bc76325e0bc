SELECT email = 'bob@example.com' FROM users WHERE id = 2;
