SELECT count(*) = 1 FROM c JOIN p ON p.code = c.pcode;
