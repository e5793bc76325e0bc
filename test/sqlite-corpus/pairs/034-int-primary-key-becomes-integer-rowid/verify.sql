SELECT group_concat(rowid, ',') = '3,4' FROM (SELECT rowid FROM t ORDER BY rowid);
