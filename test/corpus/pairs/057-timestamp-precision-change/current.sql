CREATE TABLE logs (id integer PRIMARY KEY, at timestamp(6) NOT NULL, seen timestamptz(0), t time(0));
INSERT INTO logs VALUES (1, '2024-01-01 10:00:00.123456', '2024-01-01 10:00:00+00', '10:00:00');
