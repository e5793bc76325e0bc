SELECT count(*) = 2 FROM c;
SELECT count(*) = 1 FROM c WHERE v = '';
