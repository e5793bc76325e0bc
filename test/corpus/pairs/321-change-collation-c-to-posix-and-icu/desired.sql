CREATE TABLE words (id integer PRIMARY KEY, a text COLLATE "POSIX", b text COLLATE "und-x-icu", c text COLLATE "C");
