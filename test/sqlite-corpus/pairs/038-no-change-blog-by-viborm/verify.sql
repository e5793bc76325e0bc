SELECT count(*) = 1 FROM profile;
