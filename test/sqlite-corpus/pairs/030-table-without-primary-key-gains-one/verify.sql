SELECT group_concat(a || b, ',') = '1x,2y' FROM (SELECT * FROM t ORDER BY a);
