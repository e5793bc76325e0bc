SELECT count(*) = 3 FROM item;
SELECT score = 11 FROM item WHERE id = 1;
SELECT sz = 'l' AND co = 'blue' AND score = 0 FROM item WHERE id = 2;
SELECT array_agg(sz ORDER BY sz) = '{l,m,s}' FROM item;
