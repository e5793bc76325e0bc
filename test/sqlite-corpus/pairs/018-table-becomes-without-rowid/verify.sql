SELECT group_concat(k || v, ',') = 'a1,b2' FROM (SELECT * FROM kv ORDER BY k);
