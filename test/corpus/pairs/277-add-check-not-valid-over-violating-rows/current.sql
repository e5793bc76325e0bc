CREATE TABLE readings (id integer PRIMARY KEY, celsius numeric);
INSERT INTO readings VALUES (1, 20), (2, -300), (3, NULL);
