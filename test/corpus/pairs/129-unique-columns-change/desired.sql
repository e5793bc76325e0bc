CREATE TABLE rooms (id integer PRIMARY KEY, building text NOT NULL, floor smallint NOT NULL, name text NOT NULL, CONSTRAINT rooms_place_key UNIQUE (building, floor, name));
