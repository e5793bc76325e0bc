SELECT count(*) = 1 FROM other;
