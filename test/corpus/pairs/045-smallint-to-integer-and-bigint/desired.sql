CREATE TABLE stock (sku text PRIMARY KEY, on_hand integer NOT NULL, reserved bigint);
