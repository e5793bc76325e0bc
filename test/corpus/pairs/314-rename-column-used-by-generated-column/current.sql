CREATE TABLE t (id integer PRIMARY KEY, celsius numeric NOT NULL,
  fahrenheit numeric GENERATED ALWAYS AS (celsius * 9 / 5 + 32) STORED);
INSERT INTO t (id, celsius) VALUES (1, 100);
