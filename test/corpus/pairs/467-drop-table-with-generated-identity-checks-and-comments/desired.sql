CREATE TABLE stays (id integer PRIMARY KEY);
