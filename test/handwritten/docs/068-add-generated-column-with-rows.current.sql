CREATE TABLE rectangles (id int PRIMARY KEY, w numeric NOT NULL, h numeric NOT NULL);
INSERT INTO rectangles VALUES (1, 2, 3), (2, 4, 4);
