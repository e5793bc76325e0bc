CREATE TABLE stock (sku text PRIMARY KEY, on_hand smallint NOT NULL, reserved smallint);
INSERT INTO stock VALUES ('a', 32767, 1), ('b', -5, NULL);
