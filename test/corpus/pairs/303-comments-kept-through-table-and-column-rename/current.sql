CREATE TABLE cust (id integer PRIMARY KEY, nm text, email text);
COMMENT ON TABLE cust IS 'customers';
COMMENT ON COLUMN cust.nm IS 'display name';
COMMENT ON COLUMN cust.email IS 'login';
INSERT INTO cust VALUES (1, 'Ann', 'a@x');
