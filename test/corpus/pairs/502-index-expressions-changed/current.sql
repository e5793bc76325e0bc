CREATE TABLE e (id integer PRIMARY KEY, tz timestamptz, name text, a integer, b integer);
CREATE INDEX e_tz_idx ON e ((tz AT TIME ZONE 'UTC'));
CREATE INDEX e_name_idx ON e ((name COLLATE "C"));
CREATE INDEX e_ab_idx ON e ((a IS DISTINCT FROM b));
INSERT INTO e VALUES (1, now(), 'x', 1, 2);
