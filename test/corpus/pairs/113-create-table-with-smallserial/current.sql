CREATE TABLE regions (code text PRIMARY KEY);
INSERT INTO regions VALUES ('eu'), ('us');
