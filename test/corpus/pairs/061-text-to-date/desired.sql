CREATE TABLE holidays (id integer PRIMARY KEY, day date NOT NULL, name text);
CREATE UNIQUE INDEX holidays_day_key ON holidays (day);
