SELECT count(*) = 0 FROM sqlite_sequence WHERE name = 't';
