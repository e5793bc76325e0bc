CREATE TABLE e (id integer PRIMARY KEY, tz timestamptz, name text, a integer, b integer);
CREATE INDEX e_tz_idx ON e ((tz AT TIME ZONE 'Europe/Paris'));
CREATE INDEX e_name_idx ON e ((name COLLATE "POSIX"));
CREATE INDEX e_ab_idx ON e ((a IS NOT DISTINCT FROM b));
CREATE INDEX e_timezone ON e (timezone('UTC', tz));
