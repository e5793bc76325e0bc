CREATE TABLE countries (id integer PRIMARY KEY, code varchar(50) NOT NULL, name varchar(200));
INSERT INTO countries VALUES (1, 'FR', 'France'), (2, 'DE', 'Germany');
