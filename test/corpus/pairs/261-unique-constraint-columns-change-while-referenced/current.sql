CREATE TABLE rooms (id integer PRIMARY KEY, building text NOT NULL, name text NOT NULL, CONSTRAINT rooms_building_name_key UNIQUE (building, name));
CREATE TABLE bookings (id integer PRIMARY KEY, building text, room text, FOREIGN KEY (building, room) REFERENCES rooms (building, name));
INSERT INTO rooms VALUES (1, 'A', '101'), (2, 'B', '101');
INSERT INTO bookings VALUES (1, 'A', '101'), (2, NULL, NULL);
