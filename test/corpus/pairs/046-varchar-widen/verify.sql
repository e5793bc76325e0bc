SELECT username = 'abcdefghij' FROM users WHERE id = 2;
