SELECT count(*) = 3 FROM receipts;
INSERT INTO receipts (total) VALUES (40) RETURNING id > 3;
