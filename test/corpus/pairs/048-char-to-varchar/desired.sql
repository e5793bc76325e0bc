CREATE TABLE airports (code char(3) PRIMARY KEY, name varchar(60) NOT NULL, country text);
