SELECT email = 'A@x' AND is_deleted FROM users WHERE id = 2;
