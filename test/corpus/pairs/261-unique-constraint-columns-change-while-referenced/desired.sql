CREATE TABLE rooms (id integer PRIMARY KEY, building text NOT NULL, name text NOT NULL, CONSTRAINT rooms_building_name_key UNIQUE (name, building));
CREATE TABLE bookings (id integer PRIMARY KEY, building text, room text, FOREIGN KEY (room, building) REFERENCES rooms (name, building));
