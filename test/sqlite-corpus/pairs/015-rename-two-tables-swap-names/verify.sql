SELECT x = 'ax' FROM a2;
SELECT y = 'by' FROM b2;
