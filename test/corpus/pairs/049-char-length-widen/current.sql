CREATE TABLE currencies (code char(3) PRIMARY KEY, symbol char(1));
INSERT INTO currencies VALUES ('EUR', 'E'), ('USD', '$');
