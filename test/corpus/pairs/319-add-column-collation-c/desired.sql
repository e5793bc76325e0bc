CREATE TABLE words (id integer PRIMARY KEY, w text COLLATE "C" NOT NULL);
