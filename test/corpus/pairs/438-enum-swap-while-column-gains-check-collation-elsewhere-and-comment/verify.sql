SELECT role = 'admin' FROM accounts WHERE id = 1;
