CREATE TABLE e (id integer PRIMARY KEY, a integer, b integer, name text, v varchar(20), ts timestamp,
  tz timestamptz, s1 timestamp, e1 timestamp, data jsonb, flag boolean);
INSERT INTO e VALUES (1, 1, 2, 'alpha', 'x', '2024-01-01', '2024-01-01 12:00+00', '2024-01-01', '2024-01-02', '{"k": "3"}', true);
