SELECT sum(quantity) = 5 FROM imports;
SELECT year = 1999 FROM imports WHERE id = 3;
