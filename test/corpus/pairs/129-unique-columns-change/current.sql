CREATE TABLE rooms (id integer PRIMARY KEY, building text NOT NULL, floor smallint NOT NULL, name text NOT NULL, CONSTRAINT rooms_place_key UNIQUE (building, name));
INSERT INTO rooms VALUES (1, 'A', 1, '101'), (2, 'A', 2, '201');
