CREATE TABLE boards (id integer PRIMARY KEY, cells integer[][] NOT NULL, weights real[][]);
INSERT INTO boards VALUES (1, '{{1,0},{0,1}}', '{{0.5,1.5}}');
