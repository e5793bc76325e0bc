SELECT balance = -20 FROM accounts WHERE id = 2;
