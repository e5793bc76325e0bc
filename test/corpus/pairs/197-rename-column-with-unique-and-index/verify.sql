SELECT email = 'b@x.test' FROM accounts WHERE id = 2;
