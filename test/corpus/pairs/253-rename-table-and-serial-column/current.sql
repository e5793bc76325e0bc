CREATE TABLE bill (no serial PRIMARY KEY, total numeric(8,2));
INSERT INTO bill (total) VALUES (10), (20);
