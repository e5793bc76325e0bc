SELECT balance = 100 FROM accounts;
