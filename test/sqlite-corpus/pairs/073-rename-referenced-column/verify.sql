SELECT count(*) = 1 FROM c JOIN p ON p."key" = c.pcode;
