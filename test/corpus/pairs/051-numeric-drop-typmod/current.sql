CREATE TABLE readings (id integer PRIMARY KEY, value numeric(10,2), ratio numeric(3,2) DEFAULT 0.5);
INSERT INTO readings VALUES (1, 12345678.91, 0.25), (2, NULL, DEFAULT);
