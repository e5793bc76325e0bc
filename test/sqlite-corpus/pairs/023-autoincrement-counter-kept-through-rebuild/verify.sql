SELECT seq = 4 FROM sqlite_sequence WHERE name = 't';
SELECT count(*) = 1 FROM sqlite_sequence WHERE name = 't';
SELECT count(*) = 2 FROM t;
