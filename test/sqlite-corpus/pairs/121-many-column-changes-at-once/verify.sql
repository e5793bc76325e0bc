SELECT group_concat(a, ',') = 'a,-' FROM (SELECT a FROM t ORDER BY id);
SELECT b = '1' FROM t WHERE id = 1;
SELECT count(*) = 2 FROM t WHERE e = 0;
