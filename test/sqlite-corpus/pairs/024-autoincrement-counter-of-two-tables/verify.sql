SELECT seq = 3 FROM sqlite_sequence WHERE name = 'a';
SELECT seq = 5 FROM sqlite_sequence WHERE name = 'b';
SELECT count(*) = 2 FROM sqlite_sequence;
