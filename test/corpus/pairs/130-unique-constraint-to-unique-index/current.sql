CREATE TABLE coupons (id integer PRIMARY KEY, code text NOT NULL, CONSTRAINT coupons_code_key UNIQUE (code));
INSERT INTO coupons VALUES (1, 'WELCOME'), (2, 'SPRING');
