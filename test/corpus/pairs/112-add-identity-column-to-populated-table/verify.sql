SELECT count(DISTINCT id) = 3 FROM visits;
