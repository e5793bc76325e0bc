CREATE TABLE coupons (id integer PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX coupons_code_idx ON coupons (code);
