SELECT count(*) = 2 FROM b;
SELECT count(*) = 3 FROM c;
