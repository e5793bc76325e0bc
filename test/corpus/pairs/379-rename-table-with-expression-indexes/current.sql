CREATE TABLE usr (id integer PRIMARY KEY, email text, name text);
CREATE INDEX ON usr (lower(email));
CREATE INDEX usr_name_desc ON usr (name DESC NULLS LAST) INCLUDE (email);
INSERT INTO usr VALUES (1, 'a', 'b');
