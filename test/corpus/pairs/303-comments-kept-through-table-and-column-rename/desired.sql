CREATE TABLE customers (id integer PRIMARY KEY, name text, email text);
COMMENT ON TABLE customers IS 'customers';
COMMENT ON COLUMN customers.name IS 'display name';
COMMENT ON COLUMN customers.email IS 'login';
