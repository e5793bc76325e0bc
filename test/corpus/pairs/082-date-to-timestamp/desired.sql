CREATE TABLE deadlines (id integer PRIMARY KEY, due timestamp(0) NOT NULL);
