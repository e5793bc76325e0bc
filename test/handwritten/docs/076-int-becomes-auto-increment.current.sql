CREATE TABLE gadgets (id int PRIMARY KEY, label varchar(40));
INSERT INTO gadgets VALUES (1, 'one'), (7, 'seven'), (3, NULL);
