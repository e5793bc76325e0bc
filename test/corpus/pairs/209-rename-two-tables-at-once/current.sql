CREATE TABLE usr (id integer PRIMARY KEY, name text);
CREATE TABLE grp (id integer PRIMARY KEY, title text, owner_id integer REFERENCES usr);
INSERT INTO usr VALUES (1, 'a');
INSERT INTO grp VALUES (1, 'admins', 1);
