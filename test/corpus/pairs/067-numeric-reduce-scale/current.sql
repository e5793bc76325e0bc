CREATE TABLE rates (id integer PRIMARY KEY, rate numeric(10,4) NOT NULL);
INSERT INTO rates VALUES (1, 1.2500), (2, 0.3300);
