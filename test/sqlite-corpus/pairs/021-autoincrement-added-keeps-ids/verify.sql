SELECT group_concat(id, ',') = '1,5' FROM (SELECT id FROM t ORDER BY id);
