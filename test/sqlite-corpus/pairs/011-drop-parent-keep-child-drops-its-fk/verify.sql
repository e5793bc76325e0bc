SELECT count(*) = 3 FROM child;
SELECT group_concat(p, ',') = '1,2' FROM child;
