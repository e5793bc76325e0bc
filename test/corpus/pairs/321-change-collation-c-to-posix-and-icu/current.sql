CREATE TABLE words (id integer PRIMARY KEY, a text COLLATE "C", b text COLLATE "POSIX", c text COLLATE "und-x-icu");
INSERT INTO words VALUES (1, 'a', 'b', 'c');
