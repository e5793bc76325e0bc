CREATE TABLE readings (id integer PRIMARY KEY, celsius numeric, CONSTRAINT above_absolute_zero CHECK (celsius >= -273.15));
INSERT INTO readings VALUES (1, 20);
