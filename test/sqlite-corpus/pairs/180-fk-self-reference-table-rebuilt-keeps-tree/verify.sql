SELECT count(*) = 4 FROM nodes;
SELECT group_concat(parent, ',') = '1,2,1' FROM (SELECT parent FROM nodes WHERE parent IS NOT NULL ORDER BY id);
