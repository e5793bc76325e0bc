CREATE TABLE page_hits (id integer PRIMARY KEY, hits integer NOT NULL DEFAULT 0);
INSERT INTO page_hits VALUES (1, 2147483647), (2, 0), (3, 42);
