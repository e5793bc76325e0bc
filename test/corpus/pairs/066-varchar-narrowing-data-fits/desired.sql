CREATE TABLE countries (id integer PRIMARY KEY, code varchar(2) NOT NULL, name varchar(60));
