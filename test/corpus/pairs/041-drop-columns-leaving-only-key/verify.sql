SELECT count(*) = 2 FROM feature_flags;
