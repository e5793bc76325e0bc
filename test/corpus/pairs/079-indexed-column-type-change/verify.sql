SELECT city = 'Lyon' FROM customers WHERE email = 'a@x.test';
