CREATE TABLE words (id integer PRIMARY KEY, w text COLLATE "C" NOT NULL, v varchar(20) COLLATE "POSIX");
INSERT INTO words VALUES (1, 'b', 'x');
