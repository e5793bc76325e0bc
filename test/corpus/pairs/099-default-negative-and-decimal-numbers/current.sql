CREATE TABLE thermostat (id serial PRIMARY KEY, min_temp numeric(4,1), max_temp numeric(4,1), offset_c real, big bigint);
INSERT INTO thermostat (min_temp) VALUES (5.5);
