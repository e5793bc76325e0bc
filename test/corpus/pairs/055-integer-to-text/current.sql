CREATE TABLE zip_codes (id integer PRIMARY KEY, zip integer NOT NULL, area_code integer DEFAULT 0);
INSERT INTO zip_codes VALUES (1, 75001, 1), (2, 10115, DEFAULT);
