SELECT count(*) = 1 FROM a;
SELECT count(*) = 1 FROM b;
