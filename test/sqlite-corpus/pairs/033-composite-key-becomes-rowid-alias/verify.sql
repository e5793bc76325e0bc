SELECT group_concat(rowid || k, ',') = '10a,20b' FROM (SELECT rowid, k FROM t ORDER BY id);
