SELECT group_concat(id || v, ',') = '1a,2b,3c' FROM (SELECT * FROM t ORDER BY id);
SELECT count(*) = 0 FROM sqlite_sequence WHERE name = 't';
