CREATE TABLE t (id integer PRIMARY KEY, temp_c numeric NOT NULL,
  fahrenheit numeric GENERATED ALWAYS AS (temp_c * 9 / 5 + 32) STORED);
