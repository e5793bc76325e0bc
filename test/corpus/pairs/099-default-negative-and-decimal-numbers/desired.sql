CREATE TABLE thermostat (id serial PRIMARY KEY, min_temp numeric(4,1) DEFAULT -10.5, max_temp numeric(4,1) DEFAULT 30.0, offset_c real DEFAULT '-0.25', big bigint DEFAULT 9223372036854775807);
