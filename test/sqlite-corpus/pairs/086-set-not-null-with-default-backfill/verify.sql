SELECT group_concat(a, ',') = 'x,none' FROM (SELECT a FROM t ORDER BY id);
