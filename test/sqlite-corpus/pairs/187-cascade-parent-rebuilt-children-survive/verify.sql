SELECT count(*) = 3 FROM c;
SELECT count(*) = 2 FROM p;
