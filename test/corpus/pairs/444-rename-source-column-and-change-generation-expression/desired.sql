CREATE TABLE t (id integer PRIMARY KEY, celsius numeric NOT NULL, f numeric GENERATED ALWAYS AS (round(celsius * 1.8 + 32, 1)) STORED);
