SELECT count(*) = 3 FROM cat;
SELECT seq = 4 FROM sqlite_sequence WHERE name = 'cat';
