SELECT count(*) = 2 FROM staging;
