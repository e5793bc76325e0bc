SELECT count(*) = 3 AND count(bio) = 0 FROM users;
