CREATE TABLE readings (id integer PRIMARY KEY, celsius numeric);
ALTER TABLE readings ADD CONSTRAINT above_absolute_zero CHECK (celsius >= -273.15) NOT VALID;
INSERT INTO readings VALUES (1, 20), (2, -10);
