SELECT group_concat(rowid || k, ',') = '100a,200b' FROM (SELECT rowid, k FROM t ORDER BY rowid);
