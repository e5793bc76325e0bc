CREATE TABLE teams (id integer PRIMARY KEY, name text);
CREATE TABLE members (id integer PRIMARY KEY, name text NOT NULL);
