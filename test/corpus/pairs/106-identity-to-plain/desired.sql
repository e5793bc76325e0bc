CREATE TABLE devices (id integer PRIMARY KEY, name text);
