CREATE TABLE boards (id integer PRIMARY KEY, cells bigint[][] NOT NULL, weights double precision[][]);
