CREATE TABLE currencies (code char(5) PRIMARY KEY, symbol char(3));
