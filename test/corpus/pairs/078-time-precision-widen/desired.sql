CREATE TABLE shifts (id integer PRIMARY KEY, starts time(3) NOT NULL, ends time, duration interval);
