SELECT email = 'a' FROM t;
