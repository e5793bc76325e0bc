SELECT handle = 'bob' AND age = 40 FROM users WHERE id = 2;
SELECT count(website) = 0 FROM users;
