SELECT group_concat(id || k, ',') = '10a,20b' FROM (SELECT * FROM t ORDER BY id);
