CREATE TABLE people (email text UNIQUE, born date, name text NOT NULL, id integer PRIMARY KEY);
