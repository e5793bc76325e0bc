SELECT count(*) = 1 FROM t WHERE lower(email) = 'a@x';
