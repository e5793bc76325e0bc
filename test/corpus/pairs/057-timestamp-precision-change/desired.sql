CREATE TABLE logs (id integer PRIMARY KEY, at timestamp(3) NOT NULL, seen timestamptz(6), t time(3));
