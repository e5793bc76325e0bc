SELECT count(*) = 2 FROM members;
SELECT name || note = 'xy' FROM members WHERE id = 1;
