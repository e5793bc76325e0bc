CREATE TABLE tmp_orders (id integer GENERATED ALWAYS AS IDENTITY (START 1000 INCREMENT 10) PRIMARY KEY, total numeric);
INSERT INTO tmp_orders (total) VALUES (1), (2);
