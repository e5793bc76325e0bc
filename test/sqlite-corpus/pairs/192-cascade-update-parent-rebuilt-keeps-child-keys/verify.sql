SELECT group_concat(code, ',') = 'a,b' FROM (SELECT code FROM c ORDER BY id);
